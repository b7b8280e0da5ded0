# a NumPy keyword argument the compiler does not support
import bodo
import numpy as np


@bodo.jit
def total(n):
    X = np.ones((n, 3))
    return X.sum(keepdims=True)


print(total(4))
