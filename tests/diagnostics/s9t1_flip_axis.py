# np.flip's axis must be a literal 0 or 1
import numpy as np
import bodo


@bodo.jit
def f(n):
    X = np.ones((n, 2))
    return np.flip(X, axis=n)


print(f(5))
