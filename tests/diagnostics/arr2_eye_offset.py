# np.eye with a diagonal offset (k=) is not supported
import numpy as np
import bodo


@bodo.jit
def f(n):
    return np.eye(n, k=1)


print(f(3))
