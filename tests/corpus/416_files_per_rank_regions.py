# tier1: np.fromfile/tofile of replicated arrays where ranks run different code (a prange body, a branch on the rank) and in driver code, beside a distributed tofile
import numpy as np

import bodo


@bodo.jit
def per_rank_files(n):
    a = np.arange(n)
    a.tofile("whole.bin")
    tot = 0
    for i in bodo.prange(4):
        b = np.arange(i + 3) * 2
        b.tofile("part" + str(i) + ".bin")
        tot += np.fromfile("part" + str(i) + ".bin", np.int64).sum()
    if bodo.get_rank() == 0:
        c = np.ones(5)
        c.tofile("ones.bin")
    return tot


def driver_rep():
    x = np.arange(7.0)
    x.tofile("rep.bin")
    return np.fromfile("rep.bin").sum()


print(per_rank_files(10))
for i in range(4):
    print(i, np.fromfile("part" + str(i) + ".bin", np.int64).sum())
print(np.fromfile("whole.bin", np.int64))
print(driver_rep())
