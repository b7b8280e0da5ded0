# tier1: one-row arrays in expressions (mu * 2, np.where, comparisons, prange reads, .T/.ravel()) keeping the 2D operand distributed; median/percentile/quantile of a whole 2D array
import numpy as np
import bodo


@bodo.jit
def rows(n):
    X = np.arange(n * 3).reshape(n, 3) * 0.5
    mu = X.mean(axis=0, keepdims=True)
    sd = X.std(axis=0, keepdims=True)
    s1 = ((X - mu) ** 2).sum(axis=0)
    s2 = np.abs((X - mu) / sd).max()
    mu2 = mu * 2.0
    d = X - mu2
    e = np.where(X > mu, X, mu)
    out = np.zeros(n)
    for i in bodo.prange(n):
        out[i] = X[i, 0] - mu[0, 0]
    t = mu.T
    r = mu.ravel()
    return s1, s2, d[:2], e[-2:], out[:4], t.shape, r, mu[0], (X > mu).mean(axis=0), np.dot(X - mu, np.ones(3))[:3]


for x in rows(9):
    print(x)


@bodo.jit
def f(n):
    X = (np.arange(n * 3).reshape(n, 3) * 7 % 10) * 1.5
    return np.median(X), np.percentile(X, 90), np.quantile(X, [0.1, 0.5]), np.median(X[:, 1]), np.nanmedian(X)


for r in f(7):
    print(r)
