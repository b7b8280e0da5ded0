# tier1: rows made of 1D vectors beside 2D arrays, written in the operator or held in a variable used only there: v[None, :], v.reshape(1, -1), v.reshape(1, m), X.mean/std/sum/max(axis=0, keepdims=True), broadcast along the rows at any rank count; a row whose shape is read stays (1, m)
import numpy as np
import bodo


@bodo.jit
def f(n):
    X = np.arange(n * 3).reshape(n, 3) * 1.0 + (np.arange(n * 3) % 7).reshape(n, 3)
    mu = X.mean(axis=0)
    A = X - mu[None, :]
    B = (X - mu.reshape(1, -1)) / X.std(axis=0, keepdims=True)
    C = X / X.sum(axis=0, keepdims=True)
    D = np.max(X, axis=0, keepdims=True) - X
    E = mu.reshape(1, 3) * X
    return round(float(A.sum()), 8), B[0], C[-1], D[2], E[1]


@bodo.jit
def standardize(n):
    X = (np.arange(n * 3) % 17).reshape(n, 3) * 1.0 + np.arange(n * 3).reshape(n, 3) * 0.01
    mu = X.mean(axis=0, keepdims=True)
    sd = np.std(X, axis=0, keepdims=True)
    Z = (X - mu) / sd
    r = X.max(axis=0).reshape(1, -1)
    W = r - X
    return round(float(Z.sum()), 8), Z[0], W[-1]


@bodo.jit
def shape_used(n):
    X = np.ones((n, 2))
    mu = X.mean(axis=0).reshape(1, -1)
    return mu.shape


print(f(10))
print(f(1001)[1:])
print(standardize(11))
print(standardize(1000)[1:])
print(shape_used(4))
