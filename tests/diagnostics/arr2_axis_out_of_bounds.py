# a 2D array has no axis 2
import numpy as np

import bodo


@bodo.jit
def f(n):
    X = np.ones((n, 3))
    return np.mean(X, axis=2)


print(f(4))
