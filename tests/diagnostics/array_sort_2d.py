# in-place sort of a 2D array (NumPy sorts each row) is not supported
import numpy as np
import bodo


@bodo.jit
def f(n):
    A = np.arange(n * 2).reshape(n, 2)
    A.sort()
    return A


print(f(4))
