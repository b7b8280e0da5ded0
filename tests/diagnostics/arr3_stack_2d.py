# np.stack of 2D arrays would make a 3D array
import numpy as np
import bodo


@bodo.jit
def f(n):
    A = np.ones((n, 2))
    return np.stack((A, A))


print(f(4))
