# tier1: X[mask, j], X[mask, lo:hi] and X[idx, lo:hi] on 2D arrays (rows chosen, then columns; reads and writes, REP and distributed), X[i, lo:hi] of the prange loop's own rows, a small k-means with labels == j masks
import numpy as np

import bodo


@bodo.jit
def grid(n):
    X = np.arange(n * 4).reshape(n, 4) * 1.0
    m = X[:, 0] > 20
    a = X[m, 1]
    b = X[m, :]
    c = X[m, 1:3]
    d = X[X[:, 3] < 10, 2]
    e = X[np.array([0, 2, 4]), 1:3]
    X[m, 0] = -1.0
    X[m, 2:] = 0.0
    X[~m, 1] += 100.0
    return a, b.shape, c, d, e, X[:8], X.sum()


@bodo.jit(distributed=["X"])
def row_parts(X):
    total = 0.0
    best = np.empty(X.shape[0])
    for i in bodo.prange(X.shape[0]):
        total += X[i, 1:3].sum()
        best[i] = X[i, 1:].max()
    m = X[:, 1] > 0.5
    col = X[m, 0]
    X[m, 1] = 0.0
    return total, best, col.sum(), len(col), X[:, 1].sum(), X[m, :].shape


@bodo.jit
def points(n):
    X = np.empty((n, 2))
    for i in bodo.prange(n):
        c = i % 3
        X[i, 0] = c * 5.0 + ((i * 7) % 11) * 0.1
        X[i, 1] = c * -3.0 + ((i * 13) % 17) * 0.05
    return X


@bodo.jit(distributed=["X"])
def kmeans(X, k, iters):
    C = np.empty((k, 2))
    for j in range(k):
        C[j, 0] = X[j, 0]
        C[j, 1] = X[j, 1]
    labels = np.zeros(len(X), dtype=np.int64)
    for it in range(iters):
        D = np.empty((len(X), k))
        for j in range(k):
            D[:, j] = (X[:, 0] - C[j, 0]) ** 2 + (X[:, 1] - C[j, 1]) ** 2
        labels = D.argmin(axis=1)
        for j in range(k):
            m = labels == j
            cnt = m.sum()
            if cnt > 0:
                C[j, 0] = X[m, 0].sum() / cnt
                C[j, 1] = X[m, 1].sum() / cnt
    return C, np.bincount(labels, minlength=k)


for v in grid(10):
    print(v)
Y = (np.arange(60) % 7 / 7.0).reshape(20, 3)
total, best, col_sum, col_len, col1_sum, shape = row_parts(Y)
print(total, best, col_sum, col_len, col1_sum, shape)
C, counts = kmeans(points(300), 3, 5)
print(np.round(C, 4), counts)
