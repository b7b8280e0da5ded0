# tier1: 2D boolean masks (X[X > t] is a 1D array of the chosen elements, X[X < 0] = 0 clips in place), np.eye/np.identity, flatten/ravel of row-distributed 2D arrays
import numpy as np

import bodo


@bodo.jit
def field(n):
    X = np.zeros((n, 5))
    for i in bodo.prange(n):
        for j in range(5):
            X[i, j] = ((i * 13 + j * 7) % 23) - 9.0
    return X


@bodo.jit(distributed=["X"])
def clip_stats(X):
    hot = X[X > 8.0]
    cold = X[X < -8.5]
    X[X < 0] = 0.0
    X[X > 10.0] = 10.0
    counts = (np.arange(X.shape[0] * 5).reshape(X.shape[0], 5) % 7)
    counts[counts == 3] = -1
    return len(hot), hot.sum(), cold.sum(), X.sum(), X.min(), counts.sum(), counts[counts < 0].sum(), hot.shape


@bodo.jit
def identities(n):
    I = np.eye(n)
    A = np.arange(n * n * 1.0).reshape(n, n) + 3.0 * np.eye(n)
    K = np.eye(3, 4, dtype=np.int64)
    flat = A.flatten()
    return I.sum(), A.sum(axis=0)[:3], A[5, 5], A[5, 4], np.identity(3), K, flat[:6], A.ravel().sum(), len(flat)


@bodo.jit(distributed=False)
def small():
    B = np.arange(12).reshape(3, 4)
    B[B % 3 == 0] = -5
    return B, B[B > 4], (np.eye(3) - 0.25).ravel()


X = field(400)
for r in clip_stats(X):
    print(r)
for r in identities(40):
    print(r)
for r in small():
    print(r)
