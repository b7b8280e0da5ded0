# k-means (Lloyd's iterations) in whole-array NumPy style on a row-distributed
# 2D array: distances column by column with X[:, c], np.where to keep the
# closest centroid, masked sums for the new centroids (a small replicated 2D
# array). kmeans declares X distributed, as Bodo needs in SPMD mode for an
# array argument.
# alternatives: numpy, bodo, bodo-cached
import numpy as np

import bodo


@bodo.jit
def make_points(n, d):
    X = np.zeros((n, d))
    for i in bodo.prange(n):
        for c in range(d):
            X[i, c] = ((i % 5) * (c + 2) % 7) * 1.5 + ((i * (c + 7) + 3 * c) % 101) / 101.0
    return X


@bodo.jit(distributed=["X"])
def kmeans(X, k, iterations):
    n, d = X.shape
    C = np.zeros((k, d))
    for j in range(k):
        for c in range(d):
            C[j, c] = X[3 * j, c]
    inertia = 0.0
    for it in range(iterations):
        best = np.zeros(n, np.int64)
        bestd = np.full(n, np.inf)
        for j in range(k):
            dist = np.zeros(n)
            for c in range(d):
                dist += (X[:, c] - C[j, c]) ** 2
            best = np.where(dist < bestd, j, best)
            # np.minimum, not np.where: Bodo types np.where of float arrays
            # as a nullable float array, which does not unify with the
            # ndarray bestd starts as ("Cannot unify" TypingError).
            bestd = np.minimum(bestd, dist)
        inertia = bestd.sum()
        for j in range(k):
            m = best == j
            cnt = m.sum()
            for c in range(d):
                C[j, c] = np.sum(np.where(m, X[:, c], 0.0)) / cnt
    return inertia, C.sum(), C.min(), C.max()


X = make_points(1000000, 4)
inertia, total, low, high = kmeans(X, 5, 10)
print("inertia:", round(inertia, 3))
print("centroids sum:", round(total, 6), "min:", round(low, 6), "max:", round(high, 6))
