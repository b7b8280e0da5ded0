# tier1: stencil steps writing a copy of a replicated grid inside prange (1D and 2D plate), np.copy, parts of rows and columns X[i, lo:hi] / X[lo:hi, j]
import numpy as np

import bodo


@bodo.jit
def plate(n, m):
    T = np.zeros((n, m))
    for i in bodo.prange(n):
        for j in range(m):
            if i == 0:
                T[i, j] = 100.0
            elif j == 0:
                T[i, j] = 50.0
    return T


@bodo.jit
def diffuse(T, steps):
    n, m = T.shape
    for s in range(steps):
        new = T.copy()
        for i in bodo.prange(1, n - 1):
            for j in range(1, m - 1):
                new[i, j] = 0.25 * (T[i - 1, j] + T[i + 1, j] + T[i, j - 1] + T[i, j + 1])
        T = new
    return T


@bodo.jit
def smooth(n, steps):
    u = np.sin(np.arange(n) * 0.1)
    for s in range(steps):
        v = np.copy(u)
        for i in bodo.prange(1, n - 1):
            v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3.0
        u = v
    return u.sum(), u[0], u[n // 2], u[n - 3:]


@bodo.jit
def corners(T):
    n, m = T.shape
    return T[1, 1:4], T[n - 4:n - 1, 2], T[2:5, :].sum(), T[::10, 1], T[n // 2, ::3]


T = diffuse(plate(60, 40), 50)
print(T.shape, round(T.sum(), 6), T.max(), round(T[1, 1], 10), round(T[5, 5], 10))
print(np.round(T.mean(axis=0)[:3], 8), T[-1, 2])
row, col, block, stride_col, stride_row = corners(T)
print(np.round(row, 8), np.round(col, 8), round(block, 6))
print(np.round(stride_col, 6), np.round(stride_row, 6))
s, first, mid, tail = smooth(500, 30)
print(round(s, 10), first, round(mid, 12), np.round(tail, 10))
