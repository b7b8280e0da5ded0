# the key named in on= is not a column of the right frame
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    a = pd.DataFrame({"k": np.arange(n), "x": np.arange(n) * 2})
    b = pd.DataFrame({"key": np.arange(3), "y": np.arange(3)})
    return a.merge(b, on="k")


print(f(5))
