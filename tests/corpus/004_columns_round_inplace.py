# tier1: 2D column and row views (X[:, j], X[i, :]) fused into loops, np.round/np.around, in-place array operators (aliases see the change)
import numpy as np

import bodo


@bodo.jit
def make(n, d):
    X = np.zeros((n, d))
    for i in bodo.prange(n):
        for c in range(d):
            X[i, c] = (i * 7 + c * 3) % 11 + 0.5 * c
    return X


@bodo.jit
def column_stats(X):
    first = X[:, 0]
    total = np.sum(X[:, 1] * 2 + X[:, -1])
    above = (X[:, 2] > 5).sum()
    return first[:5], total, above, X[3, :], X[:, 1].max(), len(X[:, 0])


@bodo.jit
def nearest(X, C):
    n, d = X.shape
    k = C.shape[0]
    best = np.zeros(n, np.int64)
    bestd = np.full(n, np.inf)
    for j in range(k):
        dist = np.zeros(n)
        for c in range(d):
            dist += (X[:, c] - C[j, c]) ** 2
        closer = dist < bestd
        bestd = np.where(closer, dist, bestd)
        best = np.where(closer, j, best)
    counts = np.zeros(k, np.int64)
    for j in range(k):
        counts[j] = (best == j).sum()
    return counts, np.round(bestd.sum(), 3)


@bodo.jit
def rounding(n):
    a = np.arange(n) * 0.125 - 1.0
    b = np.arange(n) * 37 - 500
    return np.round(a, 1), np.round(a), np.around(a * 1000.0, -2), np.round(b, -2), np.round(b)


@bodo.jit
def in_place(n):
    a = np.arange(n) * 1.0
    b = a
    a += 1
    c = np.arange(n)
    c *= 3
    c -= np.arange(n)
    x = np.ones((n, 2))
    x /= 4
    m = a[a > 2]
    m += np.arange(len(m))
    return a, b, c, x[:, 1], m


X = make(1000, 3)
first, total, above, row3, colmax, ncol = column_stats(X)
print(first, total, above, row3, colmax, ncol)
print(X[:, 1][:4], X[2, :])
counts, inertia = nearest(X, np.array([[0.0, 1.0, 2.0], [5.0, 5.0, 5.0], [9.0, 8.0, 7.0]]))
print(counts, inertia)
for v in rounding(20):
    print(v)
for v in in_place(7):
    print(v)
try:
    print(X[:, 3])
except IndexError as e:
    print("IndexError:", e)
