# np.append of a 2D array (NumPy would flatten it; not supported)
import numpy as np
import bodo


@bodo.jit
def f(n):
    A = np.ones((n, 2))
    return np.append(A, 1.0)


print(f(4))
