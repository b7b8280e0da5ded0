# a Rolling object kept without an aggregation
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def windows(n):
    s = pd.Series(np.arange(n) * 1.5)
    r = s.rolling(3)
    return r.sum()


print(windows(10))
