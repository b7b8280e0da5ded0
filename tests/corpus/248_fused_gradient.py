# tier1: a gradient step's single-use margin (m = y * np.dot(X, w); w -= np.dot(f(m), X)) is fused into the vector-matrix product, so the matrix is read once per step: float matrices of several widths, a replicated matrix, an int matrix, rows not divisible by the ranks
import numpy as np

import bodo


@bodo.jit
def make(n, d):
    X = np.empty((n, d))
    for j in bodo.prange(n):
        for k in range(d):
            X[j, k] = ((j * (k + 3) + 7 * k) % 23) / 23.0 - 0.5
    return X


@bodo.jit(distributed=["X"])
def train(X, iterations):
    d = X.shape[1]
    y = np.where(np.dot(X, np.arange(d) * 1.0 - 1.5) > 0.0, 1.0, -1.0)
    w = np.zeros(d)
    for it in range(iterations):
        margin = y * np.dot(X, w)
        w -= np.dot((1.0 / (1.0 + np.exp(-margin)) - 1.0) * y, X) / len(y)
    return w


@bodo.jit
def train_rep(n, d, iterations):
    X = np.arange(n * d).reshape(n, d) % 7 * 0.25 - 0.5
    y = np.where(np.arange(n) % 3 == 0, 1.0, -1.0)
    w = np.ones(d) * 0.1
    for it in range(iterations):
        m = np.dot(X, w)
        w = w - 0.1 * np.dot(np.tanh(m) - y, X) / n
    return w


@bodo.jit
def int_matrix(n):
    A = np.arange(n * 3).reshape(n, 3) % 5
    v = np.array([1, -2, 3])
    s = np.dot(A, v) * 2
    return np.dot(s + 1, A)


for d in [3, 8, 17]:
    w = train(make(1001, d), 5)
    print("width", d, *[round(x, 9) for x in w[:3]], round(w.sum(), 9))
w = train_rep(37, 5, 4)
print("replicated:", *[round(x, 9) for x in w])
print("int matrix:", int_matrix(11))
