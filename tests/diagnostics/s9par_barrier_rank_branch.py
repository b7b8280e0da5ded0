# bodo.barrier() under a branch on the rank: the other ranks never reach it
import numpy as np

import bodo


@bodo.jit
def total(n):
    a = np.arange(n)
    if bodo.get_rank() != 0:
        bodo.barrier()
    return a.sum()


print(total(10))
