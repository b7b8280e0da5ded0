# tier1: reductions of 2D arrays along axis 0 and 1 (sum/mean/min/max/std/var/prod/argmin/argmax/any/all)
import numpy as np

import bodo


@bodo.jit
def column_stats(n, m):
    X = (np.arange(n * m) % 17 * 0.37 - 2.5).reshape(n, m)
    print(X.sum(axis=0))
    print(np.mean(X, axis=0))
    print(X.min(axis=0), X.max(axis=0))
    print(X.std(axis=0))
    print(np.var(X, axis=0, ddof=1))
    print(X.argmin(axis=0), np.argmax(X, axis=0))
    return X.sum(0), np.prod(X, axis=0)


@bodo.jit
def row_stats(n, m):
    X = (np.arange(n * m) % 13 * 1.25 - 4.0).reshape(n, m)
    s = X.sum(axis=1)
    mu = np.mean(X, axis=1)
    print(s[:5], mu[:5])
    print(X.max(axis=1)[:5], np.min(X, axis=-1)[:5])
    print(X.std(axis=1, ddof=1)[:4])
    print(X.argmax(axis=1)[:8], X.argmin(axis=1)[:8])
    print((X * 2.0).sum(axis=1).sum(), s.max())
    return mu


@bodo.jit
def int_stats(n):
    Y = np.arange(n * 3).reshape(n, 3) % 7
    B = Y > 3
    print(Y.sum(axis=0), Y.max(axis=1)[:6], Y.mean(axis=0))
    print(B.sum(axis=0), B.any(axis=1)[:6], B.all(axis=0), Y.prod(axis=1)[:6])
    return np.sum(Y, 1)


a, p = column_stats(40, 5)
print(a)
print(p)
mu = row_stats(25, 150)
print(mu[-3:])
print(int_stats(10))
Z = np.array([[1.0, 2.0, np.nan], [4.0, 0.5, 3.0]])
print(Z.max(axis=0), Z.argmin(axis=1), Z.sum(axis=1), np.mean(Z, 0))
