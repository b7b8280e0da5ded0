# a replicated histogram updated in place inside a prange loop
import numpy as np

import bodo


@bodo.jit
def histogram(n):
    x = np.arange(n) % 4
    hist = np.array([0, 0, 0, 0])
    for i in bodo.prange(n):
        hist[x[i]] += 1
    return hist


print(histogram(20))
