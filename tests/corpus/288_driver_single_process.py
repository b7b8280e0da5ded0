# tier1: default launch mode: driver code is one process (get_rank() 0, get_size() 1, parallel_print once), so a branch on the rank may use distributed results; jit code sees the real ranks
import numpy as np

import bodo


@bodo.jit
def make(n):
    return np.arange(n) % 13


@bodo.jit
def ranks_agree():
    r = bodo.get_rank()
    s = bodo.get_size()
    return 0 <= r < s


def report(a):
    if bodo.get_rank() == 0:
        print("head", a[:4], "sum", a.sum())
    bodo.parallel_print("helper sees", bodo.get_rank(), bodo.get_size())


rank = bodo.get_rank()
size = bodo.get_size()
a = make(1000)
print("driver is rank", rank, "of", size)
bodo.parallel_print("printed once")
if rank == 0:
    print(a.max(), len(a))
report(a)
print(ranks_agree())
