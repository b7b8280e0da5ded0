# a reduction of a distributed array inside a branch only rank 0 takes
import numpy as np

import bodo


@bodo.jit
def report(n):
    a = np.arange(n) * 2.0
    me = bodo.get_rank()
    if me == 0:
        print("total", a.sum())
    return n


report(100)
