# a left merge gives the right frame's bool column missing values (object dtype in pandas): not supported yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    a = pd.DataFrame({"k": np.arange(n), "x": np.arange(n) * 0.5})
    b = pd.DataFrame({"k": np.arange(3), "ok": np.arange(3) > 0})
    return a.merge(b, on="k", how="left")


print(f(5))
