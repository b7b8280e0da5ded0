# one prange reduction variable updated with two operators
import numpy as np

import bodo


@bodo.jit
def score(n):
    a = np.arange(n) * 0.5
    s = 0.0
    for i in bodo.prange(n):
        if a[i] > 3:
            s += a[i]
        else:
            s *= 0.5
    return s


print(score(100))
