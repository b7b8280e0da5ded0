# a prange loop under a branch on the rank: its reduction needs every rank
import bodo


@bodo.jit
def total(n):
    t = 0
    if bodo.get_rank() == 0:
        for i in bodo.prange(n):
            t += i
    return t


print(total(10))
