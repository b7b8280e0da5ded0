# tier1: astype, reshape (1D <-> 2D, -1), zeros_like/ones_like/full_like, dtype, and reshape's size error
import numpy as np

import bodo


@bodo.jit
def shapes(n):
    a = np.arange(n * 3)
    X = a.reshape((n, 3))
    Y = np.arange(12).reshape(3, 4) * 0.5
    Z = np.arange(n * 2).reshape(-1, 2)
    f = X.reshape(-1)
    b = (a * 0.7 - 3.0).astype(np.int64)
    c = a.astype(np.float64) / 4
    d = (a % 3).astype(bool)
    e = X.astype(float)
    return X, Y, Z, f, b, c, d, e, X.sum(), Z.shape, e.dtype, b.dtype, d.dtype


@bodo.jit
def like(n):
    a = np.arange(n)
    x = np.arange(n) * 0.5
    M = np.ones((3, 2))
    return np.zeros_like(a), np.ones_like(x), np.full_like(a, 7.9), np.zeros_like(x, dtype=np.int64), np.full_like(M, 2.5)


@bodo.jit
def bad(n):
    return np.arange(n).reshape((5, 3))


for x in shapes(7):
    print(x)
for x in like(8):
    print(x)
w = np.array([[1, 2, 3], [4, 5, 6]])
print(w.dtype, w.shape, w.ndim, w.size, np.array([True, False]).dtype)
try:
    bad(12)
except ValueError as e:
    print("error:", e)
