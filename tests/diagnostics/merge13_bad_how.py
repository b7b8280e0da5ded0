# merge(how="cross") is not supported
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    a = pd.DataFrame({"k": np.arange(n)})
    b = pd.DataFrame({"k": np.arange(3)})
    return pd.merge(a, b, how="cross")


print(f(5))
