# argsort along an axis given by a variable is not supported (a literal axis=0 or axis=1 is; np.sort takes axis=0)
import numpy as np
import bodo


@bodo.jit
def f(n, ax):
    X = np.arange(n * 2).reshape(n, 2) * 1.0
    return np.sort(X, axis=0), np.argsort(X, axis=ax)


print(f(4, 0))
