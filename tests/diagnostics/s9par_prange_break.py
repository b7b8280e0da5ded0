# break inside a prange loop: each rank would stop at its own first match
import numpy as np
import bodo


@bodo.jit
def f(n):
    a = np.arange(n)
    s = 0
    for i in bodo.prange(n):
        if a[i] == 5:
            break
        s += a[i]
    return s


print(f(10))
