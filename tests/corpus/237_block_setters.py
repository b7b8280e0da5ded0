# tier1: slice and block assignments of distributed values into row-distributed arrays: shifted and reversed row ranges, single columns, broadcast rows, strided blocks, self-assignment reversed, 1D and 2D
import numpy as np
import bodo


@bodo.jit
def setters(n, m):
    T = np.arange(n * m).reshape((n, m)) * 1.0
    v = np.arange(n) * 10.0
    T[1:-1, 2] = v[2:] + 1.0
    T[n - 2:0:-1, 0:2] = T[1:-1, 3:5] * 2.0
    T[1:3, :] = np.arange(m) * 0.5
    T[:, 1] = v * 3.0
    T[::-1, 4] = v
    T[2:5, 1:4] = 7.0
    T[::2, 1::2] = T[1::2, ::2][:, :2]
    u = np.arange(n) * 1.0
    u[::2] = v[: (n + 1) // 2]
    u[3:0:-1] = u[:3]
    u[1:] = u[:-1] + u[1:]
    w = np.arange(n)
    w[1:-1] = w[2:] - w[:-2] * 3
    w[::-1] = w
    return T, u, w


for n in [6, 10]:
    T, u, w = setters(n, 5)
    print(T)
    print(u, w)
