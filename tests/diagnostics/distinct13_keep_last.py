# drop_duplicates keeps the first row of each key only
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"a": np.arange(n) % 3, "b": np.arange(n)})
    return df.drop_duplicates(subset="a", keep="last")


print(f(9))
