# a loop whose trip count is the rank runs a collective a different number of times on each rank
import numpy as np

import bodo


@bodo.jit
def staggered(n):
    a = np.arange(n)
    total = 0
    for _ in range(bodo.get_rank()):
        total += a.sum()
    return total


print(staggered(10))
