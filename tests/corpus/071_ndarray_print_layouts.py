# tier1: NumPy printing of distributed arrays: summarized 1D/2D (widths from the shown items only), wrapped rows, repr in containers, empty masks
import numpy as np

import bodo


@bodo.jit
def make(n):
    a = np.arange(n)
    a[n // 2] = 10**12
    b = np.arange(n) * 0.5
    b[n // 2] = 1e-9
    b[n // 3] = np.nan
    d = np.arange(n) - n // 2
    d[n - 1] = -(10**9)
    return a, b, d


@bodo.jit
def grid(n, k):
    X = np.zeros((n, k))
    for i in bodo.prange(n):
        for j in range(k):
            X[i, j] = (i * k + j) * 0.5 - 3.0
    Y = np.zeros((n, k), dtype=np.int64)
    for i in bodo.prange(n):
        for j in range(k):
            Y[i, j] = i * k - j * 7
    return X, Y


a, b, d = make(3000)
print(a)
print(b)
print(d)
print(a[::2])
print(b[b > 1498.0], d[d > 10**6])
X, Y = grid(1500, 4)
print(X)
print(Y)
X2, Y2 = grid(4, 30)
print(X2)
print("rows:", Y2)
print((X2[1, :], Y2[:, 29]), [repr(b[:3])])
print(repr(X2[:2]))
