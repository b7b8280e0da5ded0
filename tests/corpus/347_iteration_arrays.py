# tier1: arrays made inside a prange body belong to one iteration (whole, appended to lists and reduced locally), as do arrays made under a branch on the rank
import numpy as np

import bodo


@bodo.jit
def rows(n):
    X = np.arange(n * 3).reshape(n, 3) * 1.0
    keep = []
    for i in bodo.prange(n):
        if X[i, 0] % 2 == 0:
            keep.append(X[i] * 2)
    return keep


@bodo.jit
def pieces(n):
    out = []
    lens = np.zeros(n, np.int64)
    for i in bodo.prange(n):
        tmp = np.arange(i % 3) + i
        lens[i] = len(tmp) + tmp.sum()
        out.append(tmp)
    return out, lens


@bodo.jit
def rank_zero_only(n):
    t = 0.0
    if bodo.get_rank() == 0:
        x = np.ones(n) * 2.5
        t = x.sum() + x[n - 1]
    return t


for n in [0, 1, 4, 7]:
    print(rows(n))
    o, l = pieces(n)
    print(o, l)
print(rank_zero_only(5))
