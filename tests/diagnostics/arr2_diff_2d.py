# np.diff of a 2D array (NumPy differences along the last axis)
import numpy as np

import bodo


@bodo.jit
def f(n):
    X = np.ones((n, 3))
    return np.diff(X)


print(f(4))
