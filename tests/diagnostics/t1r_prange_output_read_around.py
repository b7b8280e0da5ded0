# an array written at the loop index in one prange and read at neighbours in a second one is replicated
import numpy as np
import bodo


@bodo.jit
def f(n):
    u = np.arange(n) * 1.0
    v = u.copy()
    for i in bodo.prange(1, n - 1):
        v[i] = u[i - 1] + u[i + 1]
    w = np.zeros(n)
    for i in bodo.prange(1, n - 1):
        w[i] = v[i - 1] - v[i + 1]
    return w.sum(), v.sum()


print(*f(100))
