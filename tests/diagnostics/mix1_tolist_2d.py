# tolist() of a 2D array (nested lists) is not supported
import numpy as np
import bodo


@bodo.jit
def f(n):
    return np.ones((n, 2)).tolist()


print(f(3))
