# tier1: SPMD launch mode: driver prints guarded by a rank test print on the rank that takes the branch (not only rank 0); gatherv/allgatherv/scatterv in driver code
import numpy as np

import bodo


@bodo.jit(spawn=False)
def chunk(n):
    A = np.arange(n) * 1.5
    return A


@bodo.jit(spawn=False)
def stats(A):
    return A.sum(), A.mean(), len(A)


A = chunk(101)
rank = bodo.get_rank()
size = bodo.get_size()
s, m, n = stats(A)
if rank == 0:
    print(f"sum={s} mean={m:.4f} n={n}")
G = bodo.gatherv(A)
if rank == 0:
    print(len(G), G[-1], G[:3])
B = bodo.scatterv(G)
s2, m2, n2 = stats(B)
AG = bodo.allgatherv(A)
is_last = rank == size - 1
if is_last:
    print("last rank sees", len(AG), s2 == s, n2, sep=" | ")
bodo.barrier()
