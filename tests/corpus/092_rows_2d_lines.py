# tier1: 2D arrays iterated by rows (driver and jit), column and row assignment X[:, j] = v and X[i, :] = v
import numpy as np
import bodo


@bodo.jit
def rows_total(X):
    t = 0.0
    for r in X:
        t += r.sum() * r[0]
    return t


@bodo.jit
def make2(n, j):
    X = np.ones((n, 3))
    X[:, j] = 3.0
    X[:, -1] = 7
    X[1, :] = 0.5
    X[-1, :] = -2.0
    return X, X[:, 1].sum()


X, s = make2(7, 1)
print(X, s)
print(rows_total(X))
print([float(r.sum()) for r in X])
for i, r in enumerate(X[:3]):
    print(i, r, r.max())
Y = np.zeros((4, 2))
Y[:, 0] = 9
Y[2, :] = 1
print(Y, rows_total(Y))
X2, s2 = make2(2, 0)
print(X2, s2)
