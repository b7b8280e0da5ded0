# tier1: (1, m) rows and (n, 1) columns passed as arguments or returned by jit functions broadcast against (n, m) arrays (also in place); np.array([[...]]) rows
import numpy as np
import bodo


@bodo.jit
def center(X, mu):
    return X - mu


@bodo.jit
def scores(n):
    X = np.arange(n * 2).reshape(n, 2) * 1.0
    w = np.array([[0.5, 2.0]])
    return (X * w).sum(axis=1)[:3], X @ w.T


X = np.arange(12).reshape(6, 2) * 1.0
mu = X.mean(axis=0, keepdims=True)
print(mu)
print(X - mu)
print(center(X, mu))
a, b = scores(5)
print(a)
print(b)


@bodo.jit
def rownorm(X, s):
    Y = X / s
    Y -= s
    return Y, (X * s).sum(axis=0)


@bodo.jit
def mk(n):
    X = np.arange(n * 3).reshape(n, 3) + 1.0
    return X, X.sum(axis=1, keepdims=True), X.min(axis=0, keepdims=True)


X, s, r = mk(7)
print(rownorm(X, s))
print(rownorm(X, r))
