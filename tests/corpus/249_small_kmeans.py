# tier1: k-means in whole-array NumPy style (column distances with X[:, c], np.where, masked sums per column) on a row-distributed matrix whose rows do not divide by the ranks, with the centroids printed each iteration
import numpy as np

import bodo


@bodo.jit
def make_points(n, d):
    X = np.empty((n, d))
    for i in bodo.prange(n):
        group = i % 4
        for c in range(d):
            X[i, c] = group * (c + 1.0) + ((i * (c + 5)) % 37) / 37.0
    return X


@bodo.jit(distributed=["X"])
def kmeans(X, k, iterations):
    n, d = X.shape
    C = np.zeros((k, d))
    for j in range(k):
        C[j, :] = X[j * 5 + 1, :]
    inertia = 0.0
    for it in range(iterations):
        best = np.zeros(n, np.int64)
        bestd = np.full(n, np.inf)
        for j in range(k):
            dist = np.zeros(n)
            for c in range(d):
                dist += (X[:, c] - C[j, c]) ** 2
            best = np.where(dist < bestd, j, best)
            bestd = np.minimum(bestd, dist)
        inertia = bestd.sum()
        for j in range(k):
            m = best == j
            cnt = m.sum()
            for c in range(d):
                C[j, c] = np.sum(np.where(m, X[:, c], 0.0)) / cnt
        print("iteration", it, "inertia", round(inertia, 6), "first centroid", round(C[0, 0], 9), round(C[0, d - 1], 9))
    return inertia, C


X = make_points(2003, 3)
inertia, C = kmeans(X, 4, 4)
print("inertia:", round(inertia, 6))
for j in range(4):
    print("centroid", j, *[round(x, 9) for x in C[j]])
