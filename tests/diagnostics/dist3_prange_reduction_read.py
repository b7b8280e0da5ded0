# a prange reduction variable read inside the loop: each rank only holds the partial sum of its own iterations
import numpy as np

import bodo


@bodo.jit
def running(n):
    a = np.arange(n)
    total = 0
    over = 0
    for i in bodo.prange(n):
        total += a[i]
        if total > 20:
            over += 1
    return total, over


print(running(10))
