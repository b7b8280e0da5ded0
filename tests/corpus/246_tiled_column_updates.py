# tier1: a range loop whose body updates one array in place (dist += (X[:, c] - C[j, c]) ** 2) runs as one tiled pass: distributed and REP arrays, odd lengths, scalar and column steps, errors met mid-loop, and aliased arrays that keep the plain loop
import numpy as np

import bodo


@bodo.jit
def make(n, d):
    X = np.zeros((n, d))
    for i in bodo.prange(n):
        for c in range(d):
            X[i, c] = ((i * (c + 3) + 7 * c) % 13) / 13.0 - 0.25 + i * 1e-4
    return X


@bodo.jit(distributed=["X"])
def nearest(X, C):
    n, d = X.shape
    best = np.zeros(n, np.int64)
    bestd = np.full(n, np.inf)
    for j in range(C.shape[0]):
        dist = np.zeros(n)
        for c in range(d):
            dist += (X[:, c] - C[j, c]) ** 2
        best = np.where(dist < bestd, j, best)
        bestd = np.minimum(bestd, dist)
    print("last column:", c)
    return best, bestd


@bodo.jit(distributed=["X"])
def steps(X):
    n, d = X.shape
    prod = np.ones(n)
    for c in range(d - 1, -1, -2):
        prod *= X[:, c] + c * 0.5
    positive = np.zeros(n, np.int64)
    for c in range(d):
        positive += X[:, c] > 0.0
    shifted = np.zeros((n, d))
    w = np.arange(d) * 1.5
    for c in range(3):
        shifted += w[c] * c - X
    untouched = np.zeros(n)
    for c in range(0):
        untouched += X[:, 99]
    print("prod:", round(prod.sum(), 9), "positive:", positive.sum())
    print("shifted:", round(shifted.sum(), 6), "untouched:", untouched.sum())


@bodo.jit(distributed=["X"])
def errors(X):
    n, d = X.shape
    a = np.zeros(n)
    try:
        for c in range(d + 2):
            a += X[:, c] * (c + 1)
    except IndexError as e:
        print("IndexError:", e, "at", c)
    print("applied before the error:", round(a.sum(), 9))
    b = np.zeros(n + 1)
    try:
        for c in range(d + 5):
            b += X[:, c]
    except ValueError as e:
        print("ValueError:", e)
    print("b:", b.sum())


@bodo.jit(distributed=["X"])
def aliased(X):
    n, d = X.shape
    a = np.zeros(n)
    b = a
    for c in range(d):
        a += b * 0.5 + X[:, c]
    print("aliased:", round(a.sum(), 9), round(b.sum(), 9))


@bodo.jit
def replicated(n):
    X = np.arange(n * 3).reshape(n, 3) * 0.5
    s = np.zeros(n)
    for c in range(3):
        s -= np.sqrt(X[:, c] + c)
    return s


X = make(1003, 4)
C = np.array([[0.1, 0.2, -0.1, 0.0], [0.3, -0.2, 0.1, 0.05], [-0.1, 0.0, 0.2, 0.3]])
best, bestd = nearest(X, C)
print("labels:", np.bincount(best), "distance:", round(bestd.sum(), 9))
steps(X)
errors(X)
aliased(X)
s = replicated(7)
print("replicated:", s[0], s[6], round(s.sum(), 12))
