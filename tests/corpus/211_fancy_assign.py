# tier1: fancy-index assignment v[idx] = x and v[idx] += x (repeated indices updated once), distributed and replicated
import numpy as np
import bodo


@bodo.jit
def marks(n):
    v = np.zeros(n)
    idx = np.arange(0, n, 7)
    v[idx] = 1.0
    v[idx] += np.arange(len(idx)) * 0.5
    return v.sum(), v[14], v[15]


@bodo.jit
def repeated(n):
    w = np.arange(n) * 1.0
    w[[0, 0, 1]] += 5.0
    u = np.arange(n)
    sel = np.array([2, -1, 2])
    u[sel] = u[sel] * 3
    u[np.array([4, 5])] = np.array([40, 50])
    return w[0], w[1], w[2], u[2], u[n - 1], u[4], u[5], u.sum()


@bodo.jit
def rows_set(n):
    X = np.zeros((n, 3))
    X[np.array([1, 3])] = 9.0
    return X.sum(axis=0), X[3]


@bodo.jit(distributed=False)
def small():
    v = np.zeros(6)
    v[np.array([1, 3, 3])] = np.array([2.0, 4.0, 6.0])
    v[[0, 5]] -= 1.0
    return v


for r in (marks(60), repeated(30), rows_set(8)):
    for x in r:
        print(x)
print(small())
