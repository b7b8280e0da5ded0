# Series.rank(na_option="bottom"): only pandas' default "keep" (missing values ranked NaN) is supported
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def ranks(n):
    df = pd.DataFrame({"x": np.where(np.arange(n) % 3 == 0, np.nan, np.arange(n) % 5)})
    return df["x"].rank(na_option="bottom")


print(ranks(10))
