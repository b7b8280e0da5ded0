# np.sign has no loop for bool arrays in NumPy
import numpy as np
import bodo


@bodo.jit
def f(n):
    return np.sign(np.arange(n) > 2)


print(f(3))
