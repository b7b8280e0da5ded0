# tier1: a new array for a variable that alone holds its old one reuses the old buffer (best = np.where(d < bestd, j, best), v = np.dot(M, v) + v); aliases, list items, iteration and changing lengths keep their own arrays
import numpy as np

import bodo


@bodo.jit(distributed=["X"])
def labels(X, C):
    n = X.shape[0]
    best = np.zeros(n, np.int64)
    bestd = np.full(n, np.inf)
    for j in range(C.shape[0]):
        d = np.abs(X[:, 0] - C[j, 0]) + np.abs(X[:, 1] - C[j, 1])
        best = np.where(d < bestd, j, best)
        bestd = np.minimum(bestd, d)
    return np.bincount(best), round(bestd.sum(), 9)


@bodo.jit
def power(M, steps):
    v = np.arange(M.shape[0]) * 1.0 + 1.0
    for s in range(steps):
        v = np.dot(M, v) + v
        v = v / np.abs(v).max()
    return v


@bodo.jit(distributed=["X"])
def aliases(X):
    x = X[:, 0] * 1.0
    keep = x
    x = x * 2.0 + 1.0
    history = []
    y = X[:, 1] + 0.0
    for k in range(3):
        history.append(y)
        y = y * 0.5
    z = np.zeros(3)
    total = 0.0
    for n in range(2, 6):
        z = np.zeros(n) + n
        total += z.sum()
    print("alias:", round(keep.sum(), 9), round(x.sum(), 9))
    print("history:", *[round(float(h.sum()), 9) for h in history], round(y.sum(), 9))
    print("lengths:", total, len(z))


@bodo.jit
def iterate(n):
    w = np.arange(n) * 1.5
    seen = 0.0
    for v in w:
        seen += v
        w = w + 1.0
    return seen, w.sum()


X = np.arange(37 * 2).reshape(37, 2) % 11 * 0.5
C = np.array([[1.0, 2.0], [4.0, 0.5], [2.5, 4.5]])
counts, dist = labels(X, C)
print("labels:", counts, dist)
M = np.array([[0.5, 0.2, 0.0], [0.1, 0.4, 0.3], [0.0, 0.2, 0.6]])
print("power:", [round(float(x), 9) for x in power(M, 6)])
aliases(X)
seen, total = iterate(6)
print("iterate:", seen, total)
