# tier1: outer products np.outer(v, w), v[:, None] * w[None, :], v[:, None] * w and distances between points
import numpy as np
import bodo


@bodo.jit
def outer(n):
    v = np.arange(n, dtype=np.float64)
    w = np.arange(4, dtype=np.float64) + 1.0
    P = np.outer(v, w)
    Q = v[:, None] * w[None, :]
    R = v[:, None] * w
    return P.shape, P.sum(), Q.sum(axis=0), R[n - 1]


@bodo.jit
def distances(n):
    x = np.arange(n, dtype=np.float64) * 0.5
    c = np.array([0.0, 2.0, 5.0])
    D = (x[:, None] - c[None, :]) ** 2
    nearest = D.min(axis=1)
    return D.sum(axis=0), nearest.sum()


for r in (outer(20), distances(30)):
    for x in r:
        print(x)
