# tier1: np.cumsum/cumprod along axis 0 and 1 of 2D arrays (positional, keyword, negative axis, methods), distributed and REP
import numpy as np
import bodo


@bodo.jit
def cum(n):
    X = (np.arange(n * 3).reshape(n, 3) % 7) * 0.5 - 1.0
    I = np.arange(n * 3).reshape(n, 3) % 5
    a = np.cumsum(X, axis=0)
    b = X.cumsum(axis=1)
    c = np.cumprod(I + 1, 0)
    d = I.cumsum(axis=-1)
    e = np.cumsum(np.arange(n), axis=0)
    f = (X > 0).cumsum(axis=0)
    return a, b, c[:4], d[-2:], e, f[-1], a[-1], a.sum()


@bodo.jit
def cum_arg(X):
    return np.cumsum(X, axis=0), np.cumprod(X, axis=1)


@bodo.jit(distributed=False)
def rep(n):
    X = np.arange(n * 2).reshape(n, 2) * 1.0
    return np.cumsum(X, axis=0)


for v in cum(11):
    print(v)
for n in (1, 2, 5):
    a, b = cum_arg(np.arange(n * 4).reshape(n, 4) - 3)
    print(a)
    print(b)
print(rep(3))
print(np.cumsum(np.ones((2, 2)), axis=0))
