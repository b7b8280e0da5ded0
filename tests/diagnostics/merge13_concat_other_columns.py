# pd.concat of frames whose columns differ is not supported yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    a = pd.DataFrame({"k": np.arange(n), "x": np.arange(n) * 2})
    b = pd.DataFrame({"k": np.arange(3), "y": np.arange(3)})
    return pd.concat([a, b])


print(f(5))
