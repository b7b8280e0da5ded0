# Series.dt of a column of numbers
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def years(n):
    df = pd.DataFrame({"when": np.arange(n)})
    return df.when.dt.year


print(years(3))
