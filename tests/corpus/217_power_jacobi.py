# tier1: matrix-vector iterations: power method for the dominant eigenvalue, Jacobi iteration for a diagonally dominant system
import numpy as np

import bodo


@bodo.jit
def build(n):
    A = np.zeros((n, n))
    for i in bodo.prange(n):
        for j in range(n):
            A[i, j] = 1.0 / (1.0 + abs(i - j))
        A[i, i] = n * 1.0
    return A


@bodo.jit(distributed=["A"])
def power_method(A, iters):
    n = A.shape[0]
    v = np.ones(n) / np.sqrt(n)
    lam = 0.0
    for k in range(iters):
        w = np.dot(A, v)
        lam = np.dot(v, w)
        v = w / np.sqrt(np.dot(w, w))
    return lam, v[0]


@bodo.jit(distributed=["A"])
def jacobi(A, b, iters):
    n = A.shape[0]
    d = np.empty(n)
    for i in bodo.prange(n):
        d[i] = A[i, i]
    x = np.zeros(n)
    for k in range(iters):
        r = b - np.dot(A, x)
        x = x + r / d
    res = b - np.dot(A, x)
    return x, np.sqrt(np.dot(res, res))


A = build(120)
lam, v0 = power_method(A, 50)
print(round(lam, 6), round(abs(v0), 8))
b = np.arange(120) * 1.0
x, resid = jacobi(A, b, 60)
print(round(x.sum(), 8), resid < 1e-8, x[:3])
