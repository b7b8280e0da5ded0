# tier1: (n, 1) columns and (1, m) rows held in variables broadcast against (n, m) on either side (np.ones((n, 1)), reshape(n, 1) of an expression, row sums, keepdims-like rows, in-place updates), row vectors on the left
import numpy as np

import bodo


@bodo.jit
def weighted_scores(n):
    X = (np.arange(n * 4).reshape(n, 4) % 7) + 1.0
    w = np.ones((n, 1)) * 0.5
    bias = np.full((1, 4), 0.25)
    Y = w * X + bias
    Z = bias - X
    col = (np.arange(n) % 4).reshape(n, 1) * 1.0
    V = X * col
    W = col - X
    return Y[:3], Z[-2:], V.sum(), W.sum(), (w + X).shape


@bodo.jit
def row_shares(n):
    X = (np.arange(n * 3).reshape(n, 3) % 5) + 1.0
    totals = X.sum(axis=1).reshape(n, 1)
    shares = X / totals
    scaled = totals * X
    X /= totals
    return shares[:3], scaled.sum(), X[-2:]


@bodo.jit
def centred(n):
    X = (np.arange(n * 3).reshape(n, 3) % 11) * 1.0
    mu = X.mean(axis=0)
    D = mu - X
    weights = np.array([1.0, 2.0, 3.0])
    P = weights[None, :] * X
    Q = X + np.zeros((n, 1))
    return D[:2], D.sum(), P.sum(), Q.sum()


@bodo.jit
def inplace_rows(n):
    X = np.ones((n, 3))
    c = np.arange(n).reshape(n, 1) * 1.0
    X += c
    X *= np.full((1, 3), 2.0)
    return X[-3:], X.sum()


@bodo.jit
def mismatched(n):
    X = np.arange(n * 3).reshape(n, 3) * 1.0
    c = np.ones((n + 1, 1))
    return (c * X).sum()


y, z, vs, ws, shape = weighted_scores(10)
print(y)
print(z)
print(vs, ws, shape)
shares, s, x = row_shares(9)
print(shares)
print(s)
print(x)
d, ds, ps, qs = centred(12)
print(d)
print(ds, ps, qs)
x, s = inplace_rows(7)
print(x)
print(s)
try:
    print(mismatched(5))
except ValueError as e:
    print("ValueError:", e)
