# a distributed array read at a shifted index inside prange
import numpy as np

import bodo


@bodo.jit
def smooth(n):
    a = np.arange(n) * 1.5
    s = 0.0
    for i in bodo.prange(n - 1):
        s += a[i] * a[i + 1]
    return s


print(smooth(100))
