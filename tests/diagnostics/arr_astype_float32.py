# astype to a dtype bodoc does not have (only int64, float64 and bool)
import numpy as np
import bodo


@bodo.jit
def f(n):
    return np.arange(n).astype(np.float32)


print(f(3))
