# tier1: np.concatenate of list literals and lists built in a loop; a small array read inside prange at a sequential index becomes REP (column means)
import numpy as np

import bodo


@bodo.jit
def stacked(n, k):
    parts = []
    for j in range(k):
        parts.append(np.arange(n) * (j + 1))
    c = np.concatenate(parts)
    mixed = np.concatenate([np.arange(3), np.arange(2) * 0.5, c[:2]])
    odd = np.arange(n)
    return c.sum(), len(c), c[n], mixed, np.concatenate([odd[odd % 2 == 1], odd[:2]])


@bodo.jit
def centered_ss(n, m):
    X = np.zeros((n, m))
    for i in bodo.prange(n):
        for j in range(m):
            X[i, j] = (i * m + j) % 11 - 4.0
    means = np.zeros(m)
    for j in range(m):
        means[j] = X[:, j].mean()
    scale = np.array([1.0, 0.5, 2.0])
    ss = 0.0
    for i in bodo.prange(n):
        for j in range(m):
            ss += ((X[i, j] - means[j]) * scale[j % 3]) ** 2
    return means, ss


for n in [1, 5, 40]:
    s, l, cn, mixed, odds = stacked(n, 3)
    print(s, l, cn, mixed, odds)
for n, m in [(2, 3), (7, 4), (1000, 3)]:
    means, ss = centered_ss(n, m)
    print(means, round(ss, 6))
