# a matrix-matrix product with @ is not supported (only vector and matrix-vector products)
import numpy as np
import bodo


@bodo.jit
def f(n):
    A = np.ones((n, 3))
    B = np.ones((3, 3))
    return A @ B


print(f(4))
