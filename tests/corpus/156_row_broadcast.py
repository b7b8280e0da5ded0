# tier1: 1D vectors broadcast along the rows of a distributed 2D array (centering, scaling, weights, thresholds, in-place, shape errors)
import numpy as np
import bodo


@bodo.jit
def standardize(X):
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    return (X - mu) / sd


@bodo.jit
def weighted(X, w):
    return (X * w).sum(axis=1)


@bodo.jit
def above(X):
    t = X.mean(axis=0)
    return int((X > t).sum()), np.where(t < X, X, 0.0).sum(axis=0)


@bodo.jit
def caps(X, hi):
    return np.maximum(np.minimum(X, hi), hi * 0.25).sum(axis=0)


@bodo.jit
def inplace(n):
    X = np.arange(n * 4, dtype=np.float64).reshape(n, 4)
    X -= X.mean(axis=0)
    X /= np.array([1.0, 2.0, 4.0, 8.0])
    return X


@bodo.jit
def ints(n):
    A = np.arange(n * 3).reshape(n, 3)
    w = np.arange(1, 4)
    B = A * w + 1
    return B[n - 1], (A // w).sum(axis=0), float((np.ones((n, 3)) + np.array([0.5])).sum())


@bodo.jit
def mismatch(X, v):
    return (v * X).sum()


X = np.arange(30, dtype=np.float64).reshape(10, 3) ** 1.5
Z = standardize(X)
print(np.round(Z[:3], 4))
print(np.round(np.abs(Z).sum(axis=0), 6))
print(np.round(weighted(X, np.array([0.5, -1.0, 2.0])), 3))
n_above, kept = above(X)
print(n_above, np.round(kept, 4))
print(np.round(caps(X, np.array([3.0, 40.0, 120.0])), 4))
print(inplace(7))
print(ints(9))
for v in [np.ones(4), np.ones(1)]:
    try:
        print(mismatch(X, v))
    except ValueError as e:
        print("ValueError:", e)
