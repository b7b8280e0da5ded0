# np.unravel_index of an array of flat indices (only one index at a time is supported)
import numpy as np

import bodo


@bodo.jit
def f(n):
    X = np.arange(n * 3).reshape(n, 3)
    rows, cols = np.unravel_index(np.argsort(X.ravel())[:3], X.shape)
    return rows, cols


print(f(4))
