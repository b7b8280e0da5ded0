# tier1: prange array reduction variables (tot += X[i], -=, *=, tot = tot + x) combined over ranks in place, 1D and 2D, int and float
import numpy as np

import bodo


@bodo.jit
def colsum(n):
    X = np.arange(n * 3).reshape(n, 3) * 1.0
    tot = np.zeros(3)
    alias = tot
    for i in bodo.prange(n):
        tot += X[i]
    return tot, alias, tot.sum()


@bodo.jit
def int_forms(n):
    a = np.arange(n)
    acc = np.ones(4, np.int64)
    neg = np.zeros(4, np.int64)
    prod = np.ones(4) * 2.0
    grid = np.zeros((2, 3))
    for i in bodo.prange(n):
        acc += a[i] % 3
        neg -= np.arange(4) * a[i]
        prod *= 1.0 + a[i] / 100.0
        grid = grid + a[i]
    return acc, neg, prod, grid


@bodo.jit
def centroid_sums(n, k):
    X = np.arange(n * 2).reshape(n, 2) * 0.5
    s = np.zeros(2)
    c = 0
    for i in bodo.prange(n):
        if i % k == 0:
            s += X[i, :]
            c += 1
    return s / max(c, 1), c


for n in [0, 1, 2, 5, 11]:
    t, al, ts = colsum(n)
    print(t, al, ts)
    print(*int_forms(n))
    print(*centroid_sums(n, 3))
