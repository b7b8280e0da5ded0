# tier1: np.diff along axis=0/1 of 2D arrays (with n=), np.argsort(X, axis=0) and X.argsort(axis=0), per-row random scales np.random.rand(n, 1) and rows np.random.rand(1, m) broadcast inline against (n, m)
import numpy as np

import bodo


@bodo.jit
def changes(n):
    X = ((np.arange(n * 3).reshape(n, 3) * 7) % 11) * 0.5
    steps = np.diff(X, axis=0)
    across = np.diff(X, axis=1)
    second = np.diff(X, n=2, axis=0)
    order = np.argsort(X, axis=0)
    same = (X.argsort(axis=0) == np.argsort(X, axis=0, kind="stable")).all()
    return steps[:3], across[-2:], second.sum(), order[:4], steps.shape, across.shape, same


@bodo.jit
def jitter(n):
    X = np.ones((n, 3))
    Y = X * np.random.rand(n, 1)
    Z = np.random.rand(1, 3) + np.zeros((n, 3))
    same_in_row = (Y[:, 0] == Y[:, 2]).all()
    same_in_col = (Z[0] == Z[n - 1]).all()
    return Y.shape, same_in_row, same_in_col, (Y >= 0.0).all() and (Y < 1.0).all()


s, a, t, o, s1, s2, same = changes(9)
print(s)
print(a)
print(t, s1, s2)
print(o, bool(same))
shape, r, c, ok = jitter(10)
print(shape, bool(r), bool(c), bool(ok))
