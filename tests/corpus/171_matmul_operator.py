# tier1: the @ operator as np.dot: matrix-vector, vector-matrix and vector-vector products in a gradient descent
import numpy as np

import bodo


@bodo.jit
def make(n, d):
    X = np.empty((n, d))
    for i in bodo.prange(n):
        for j in range(d):
            X[i, j] = ((i + 3 * j) % 11) / 11.0
    return X


@bodo.jit(distributed=["X"])
def fit(X, y, iters, lr):
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(iters):
        r = X @ w - y
        w -= lr * (r @ X) / n
    res = X @ w - y
    return w, res @ res


@bodo.jit
def norms(n):
    v = np.arange(n) * 0.5
    return v @ v, np.sqrt(v @ v)


X = make(500, 3)
y = X @ np.array([1.0, -2.0, 0.5])
print(y[:4])
w, sse = fit(X, y, 300, 0.5)
print(w)
print("converged:", sse < 1e-6)
sq, norm = norms(10)
print(sq, norm)
