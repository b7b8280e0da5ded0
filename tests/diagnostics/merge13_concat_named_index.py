# pd.concat keeping a groupby result's named index is not supported yet (ignore_index=True is)
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    a = pd.DataFrame({"k": np.arange(n) % 3, "x": np.arange(n) * 2})
    g = a.groupby("k").sum()
    return pd.concat([g, g])


print(f(5))
