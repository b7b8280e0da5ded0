# argsort along the rows of a 2D array (axis 0) is not supported; each row can be argsorted (np.sort takes axis=0)
import numpy as np
import bodo


@bodo.jit
def f(n):
    X = np.arange(n * 2).reshape(n, 2) * 1.0
    return np.sort(X, axis=0), np.argsort(X, axis=0)


print(f(4))
