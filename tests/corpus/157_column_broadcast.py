# tier1: column vectors (v[:, None], v[:, np.newaxis], v.reshape(-1, 1)) broadcast along the columns of a distributed 2D array (row normalisation, centering, in place, shape errors)
import numpy as np
import bodo


@bodo.jit
def normalize(X):
    norms = np.sqrt((X * X).sum(axis=1))
    return X / norms.reshape(-1, 1)


@bodo.jit
def center_rows(X):
    m = X.mean(axis=1)
    return X - m[:, None]


@bodo.jit
def scale_first(X, n):
    s = np.arange(n, dtype=np.float64) + 1.0
    return (s[:, np.newaxis] * X).sum(axis=0), int((X > s.reshape((n, 1))).sum())


@bodo.jit
def inplace(n):
    X = np.arange(n * 4, dtype=np.float64).reshape(n, 4)
    X -= X.mean(axis=1)[:, None]
    X /= (np.arange(n) + 1.0).reshape(-1, 1)
    return X


@bodo.jit
def col_only(v):
    c = v[:, None]
    return c, v[:, None] * 2.0


@bodo.jit
def mismatch(X, v):
    return (X / v[:, None]).sum()


X = np.arange(1, 31, dtype=np.float64).reshape(10, 3)
print(np.round(normalize(X), 4))
print(center_rows(X))
print(scale_first(X, 10))
print(inplace(6))
print(col_only(np.array([1.5, 2.0, 3.0])))
try:
    print(mismatch(X, np.ones(4)))
except ValueError as e:
    print("ValueError:", e)
