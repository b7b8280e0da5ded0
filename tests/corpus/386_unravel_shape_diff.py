# tier1: np.unravel_index of argmax/argmin into a row-distributed 2D array (and its ValueError), np.shape/np.size/np.ndim, np.diff of a 2D array along its last axis by default
import numpy as np

import bodo


@bodo.jit
def readings(n, m):
    X = np.empty((n, m))
    for i in bodo.prange(n):
        for j in range(m):
            X[i, j] = ((i * 37 + j * 11) % 53) * 0.5 - 3.0
    return X


@bodo.jit(distributed=["X"])
def extremes(X):
    r, c = np.unravel_index(np.argmax(X), X.shape)
    r2, c2 = np.unravel_index(X.argmin(), X.shape)
    (k,) = np.unravel_index(7, 10)
    a, b, d = np.unravel_index(17, (2, 3, 4))
    return r, c, X[r, c], r2, c2, X[r2, c2], k, a, b, d


@bodo.jit(distributed=["X"])
def shapes(X):
    return np.shape(X), np.size(X), np.ndim(X), np.size(X, 1), np.shape(X[0]), np.ndim(X[:, 0])


@bodo.jit(distributed=["X"])
def steps(X):
    D = np.diff(X)
    D2 = np.diff(X, n=2)
    v = X[:, 0]
    return D.shape, D.sum(axis=0), np.abs(D2).max(), np.diff(v)[:4], np.diff(X, axis=0).shape


@bodo.jit
def checked(i):
    try:
        r, c = np.unravel_index(i, (3, 4))
        return r * 10 + c
    except ValueError as e:
        print("ValueError:", e)
        return -1


X = readings(120, 5)
r, c, top, r2, c2, low, k, a, b, d = extremes(X)
print("max at", r, c, top, "min at", r2, c2, low)
print(k, a, b, d)
print(shapes(X))
dshape, dsum, d2max, vdiff, rows_shape = steps(X)
print(dshape, dsum, d2max, vdiff, rows_shape)
print(np.diff(X)[:2])
print(checked(11), checked(12), checked(-1))
