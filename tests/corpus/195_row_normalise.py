# tier1: per-row normalisation of a row-distributed 2D array: keepdims=True with axis=1, column vectors held in variables, np.linalg.norm (vector, Frobenius, axis=1)
import numpy as np

import bodo


@bodo.jit
def readings(n):
    X = np.zeros((n, 4))
    for i in bodo.prange(n):
        for j in range(4):
            X[i, j] = 1.0 + ((i * 7 + j * 3) % 11) * 0.5
    return X


@bodo.jit(distributed=["X"])
def normalise(X):
    totals = X.sum(axis=1, keepdims=True)
    shares = X / totals
    means = X.mean(axis=1)
    c = means[:, None]
    centred = X - c
    spread = centred * c
    peak = X / np.max(X, axis=1, keepdims=True)
    unit = X / np.linalg.norm(X, axis=1, keepdims=True)
    col = X.sum(axis=1).reshape(-1, 1)
    return shares.sum(), np.abs(centred).sum(), spread.max(), peak.min(), np.linalg.norm(unit, axis=1).sum(), (X / col).max(), totals.shape


@bodo.jit
def norms(n):
    v = np.arange(n) - 4
    w = np.arange(n * 1.0) / 3
    M = np.arange(12.0).reshape(4, 3)
    d = w / np.linalg.norm(w)
    return np.linalg.norm(v), np.linalg.norm(M), np.linalg.norm(M, axis=1), np.linalg.norm(M, axis=0), np.linalg.norm(d)


X = readings(1000)
for r in normalise(X):
    print(r)
for r in norms(9):
    print(r)
print(X.sum(axis=1, keepdims=False)[:4])
