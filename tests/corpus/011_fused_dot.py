# tier1: np.dot fused into elementwise loops: matrix-vector products as loop leaves, vector-matrix products as consumers, in place and mixed dtypes
import numpy as np

import bodo


@bodo.jit
def make(n, d):
    X = np.empty((n, d))
    for i in bodo.prange(n):
        for c in range(d):
            X[i, c] = ((i * (c + 3) + 7 * c) % 13) / 13.0 - 0.4
    return X


@bodo.jit(distributed=["X"])
def gradient_steps(X, steps):
    d = X.shape[1]
    y = np.where(np.dot(X, np.arange(d) * 0.5 - 1.0) > 0.0, 1.0, -1.0)
    w = np.zeros(d)
    for s in range(steps):
        m = y * np.dot(X, w)
        w -= np.dot((1.0 / (1.0 + np.exp(-m)) - 1.0) * y, X) / len(y)
    return w


@bodo.jit
def mixed(n):
    M = np.zeros((n, 3), np.int64)
    for i in bodo.prange(n):
        for c in range(3):
            M[i, c] = (i + c) % 5
    v = np.array([1, -2, 3])
    mv = np.dot(M, v)
    mvf = np.dot(M, v * 0.5) + 1.0
    vm = np.dot(np.arange(n) % 3, M)
    vmf = np.dot(np.ones(n) * 0.25, M)
    both = np.dot(np.dot(M, v) * 2, M)
    return int(mv.sum()), mv[:6], float(mvf.sum()), vm, vmf, both


@bodo.jit
def in_place(k):
    S = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            S[i, j] = (i - j) * 0.1
    v = np.ones(k)
    v += np.dot(S, v)
    u = np.arange(k) * 1.0
    u *= np.dot(S, u) + 1.0
    return v, u


@bodo.jit
def chained(n):
    X = np.zeros((n, 2))
    for i in bodo.prange(n):
        X[i, 0] = i % 7
        X[i, 1] = 1.0
    return np.dot(np.dot(X, np.array([1.0, -1.0])), X)


@bodo.jit
def bad_shapes(n):
    X = np.ones((n, 3))
    return np.dot(X, np.ones(4)).sum()


X = make(203, 4)
w = gradient_steps(X, 6)
print(np.round(w, 8))
print(mixed(40))
print(in_place(5))
print(chained(50))
try:
    bad_shapes(10)
except ValueError as e:
    print("ValueError:", e)
