# tier1: one-row (1, m) arrays (keepdims axis 0, v[None, :], reshape(1, m), np.zeros((1, m))) held in variables and broadcast along the rows of 2D arrays; (n, 1) column variables
import numpy as np
import bodo


@bodo.jit
def f(n, m):
    X = np.arange(n * m).reshape(n, m) * 0.25 - 3.0
    mu = X.mean(axis=0, keepdims=True)
    mx = np.max(X, axis=0, keepdims=True)
    a = (mu * 2) - X
    b = np.maximum(X, mu)
    c = X.copy()
    c -= mu
    d = mu - mx
    e = np.where(X > mu, 1, 0)
    r = X.mean(axis=1)
    o = r[:, None] * mu
    z = np.zeros((1, m)) + 1.0
    g = X + z
    cnt = (X > mu).sum(axis=0)
    w = X / np.linalg.norm(X, axis=0, keepdims=True)
    return a.sum(), b[:2], c[-2:], d, e.sum(), o.shape, o[:2], g[0], cnt, mu.shape, mu[0, 1], w[:2]


@bodo.jit
def rownorm(n, m):
    X = np.arange(n * m).reshape(n, m) * 1.0 + 1.0
    s = X.sum(axis=1, keepdims=True)
    print(s.shape)
    P = X / s
    C = X - X.mean(axis=1, keepdims=True)
    return P[:4], C[:4], s[:3]


res = f(11, 4)
for x in res:
    print(x)
r = np.arange(5.0)
print(r[None, :])
p, c, s = rownorm(10, 4)
print(p)
print(c)
print(s)
