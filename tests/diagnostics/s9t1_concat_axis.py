# np.concatenate of 1D arrays has only axis 0; np.stack of 2D arrays would be 3D
import numpy as np
import bodo


@bodo.jit
def f(n):
    a = np.arange(n)
    X = np.ones((n, 2))
    return np.concatenate((a, a), axis=1), np.stack([X, X])


print(f(5))
