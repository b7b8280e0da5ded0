# tier1: writes through NumPy views and into parts of arrays: A[i][j] = v, A[i][lo:hi] op= v, b[2:5][0] = x, A[:, 0][1:3] = v, rows A[i] = row / A[i] += v, slice and column updates b[::2] += 1, A[:, 3] *= 2, list slices xs[a:b] += ys; row-distributed at any rank count
import numpy as np

import bodo


@bodo.jit
def grid(n, m):
    A = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            A[i][j] = i * 10 + j
    A[1][2] += 100.0
    A[2][1:3] = -1.0
    A[3][::2] *= 2
    A[0][A[0] > 1] = 9.0
    total = 0.0
    for i in range(n):
        total += A[i][m - 1] + A[i][0:2].sum()
    return A, total


@bodo.jit
def views(n):
    b = np.arange(n)
    b[2:5][0] = 100
    b[5:][::2] += 1000
    b[:3][b[:3] > 50] = -1
    m = b[b > 100]
    m[0] = 0
    c = np.ones((4, 3))
    c[:, 0][1:3] = 5.0
    c[1:3][0] += 0.5
    c[1:3, 1:][1, 1] = 7.0
    return b, m, c


@bodo.jit
def big(n):
    A = np.zeros((n, 4))
    for i in bodo.prange(n):
        A[i][0] = i * 0.5
        A[i][1:3] = i % 7
    A[n // 2] += 1.0
    A[3] = np.arange(4) * 10.0
    A[10:20] *= 2.0
    A[:, 3] += 0.25
    A[-1][2] = -5.0
    A[2, :] -= 3.0
    A[0, 1:3] += 1.0
    b = np.arange(n)
    b[n - 4:] += 1000
    b[: len(b) // 2] *= 2
    b[-3:] -= 1
    s = 0.0
    for i in range(0, n, 97):
        s += A[i][0] + A[i][1] * A[i][2]
    return float(A.sum()), A[n // 2].tolist(), A[3].tolist(), A[2].tolist(), b[-5:], b[:3], float(s)


@bodo.jit
def nested_lists(k):
    xs = list(range(k))
    xs[2:4] += [100, 200]
    xs[:2] *= 2
    L = [[0] * 3 for _ in range(3)]
    L[1][2] = 5
    L[2][0] += 3
    L[0][1:3] = [7, 8]
    arrs = [np.arange(4), np.arange(4) * 2]
    arrs[1][1:3][0] = 99
    d = {"a": np.zeros(3)}
    d["a"][1] = 4.0
    return xs, L, arrs[1], d["a"]


A, total = grid(5, 4)
print(A)
print(total)
print(views(12))
print(big(1001))
print(nested_lists(8))
