# tier1: a prange loop whose range runs past the distributed array it reads raises NumPy's IndexError (after the in-range iterations), once, exit 1 on every rank
import numpy as np

import bodo


@bodo.jit
def total(n):
    a = np.arange(n) * 2
    s = 0
    for i in bodo.prange(n + 1):
        s += a[i]
    return s


print("start")
print(total(7))
print("never printed")
