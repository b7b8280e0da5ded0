# a replicated list histogram updated in place inside a prange loop (arrays are accumulated over ranks, lists are not)
import numpy as np

import bodo


@bodo.jit
def histogram(n):
    x = np.arange(n) % 4
    hist = [0, 0, 0, 0]
    for i in bodo.prange(n):
        hist[x[i]] += 1
    return hist


print(histogram(20))
