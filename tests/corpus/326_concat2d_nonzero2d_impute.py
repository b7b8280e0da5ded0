# tier1: np.concatenate of 2D arrays along either axis, np.nonzero/np.where(cond)/np.argwhere/np.flatnonzero of 2D arrays, NaN imputation with np.where and column means (keepdims on nan reductions)
import numpy as np
import bodo


@bodo.jit
def reorder(n):
    X = (np.arange(n * 3).reshape(n, 3) * 7 % 11) - 5.0
    order = np.argsort(X[:, 0])
    Xs = X[order]
    pos = X[X[:, 1] > 0]
    X2 = X.copy()
    X2[X2 < 0] = 0.0
    idx = np.array([0, 2, 4])
    sub = X[idx]
    col = X[:, 2]
    top = np.argsort(-col)[:3]
    Y = np.concatenate([X, X * 2], axis=0)
    Y2 = np.concatenate((X, X), axis=1)
    r = X.reshape(-1, 2)
    return Xs[:4], pos.shape, X2.sum(axis=0), sub, top, Y.shape, Y2.shape, r.shape, np.any(X > 4, axis=1)[:5], np.all(X > -5, axis=0), X[X > 3], np.cumsum(X, axis=1)[:2]


for x in reorder(10):
    print(x)


@bodo.jit
def nz(n):
    X = (np.arange(n * 3).reshape(n, 3) * 7 % 11) - 5.0
    a = np.arange(n) % 3
    r, c = np.nonzero(X > 3)
    return r, c, np.column_stack(np.nonzero(a)), np.column_stack(np.nonzero(X > 3))


for x in nz(7):
    print(x)


@bodo.jit
def g(n):
    X = (np.arange(n * 3).reshape(n, 3) * 7 % 11) - 5.0
    rows, cols = np.where(X > 3)
    return np.argwhere(X > 3), np.argwhere(np.arange(n) % 3 == 0), rows, cols, np.flatnonzero(X > 3)


for x in g(9):
    print(x)


@bodo.jit
def impute(n):
    X = (np.arange(n * 3).reshape(n, 3) % 7) * 1.0
    X[1, 0] = np.nan
    X[4, 2] = np.nan
    X[5, 2] = np.nan
    missing = np.isnan(X).sum(axis=0)
    cm = np.nanmean(X, axis=0)
    Y = np.where(np.isnan(X), cm, X)
    inds = np.where(np.isnan(X))
    Z = X.copy()
    Z[np.isnan(Z)] = 0.0
    mu = np.nanmean(X, axis=0, keepdims=True)
    W = np.where(np.isnan(X), mu, X)
    return missing, cm, Y[:6], Z.sum(), W.sum(axis=0), X.sum(0), np.sum(Y, 1)[:3], Y.max(1)[:3], Y.astype(np.int64)[:2], Y.dtype, (Y > 3).astype(int).sum()


for r in impute(8):
    print(r)
