# tier1: np.median/np.percentile/np.quantile along an axis of 2D arrays (NaN, ints, positional axis), least squares with np.linalg.solve/inv/det
import numpy as np
import bodo


@bodo.jit
def f(n):
    X = (np.arange(n * 4).reshape(n, 4) * 37) % 23 * 0.5
    X[2, 1] = np.nan
    I = (np.arange(n * 3).reshape(n, 3) * 7) % 10
    x = np.arange(n) * 1.5
    return (np.median(X, axis=0), np.median(X, axis=1)[:5], np.percentile(X, 90, axis=0), np.percentile(I, 25.0, axis=1)[:4],
            np.quantile(I, 0.5, axis=0), np.median(I, 0), np.percentile(I, 75, 1)[-3:], np.median(x, axis=0), np.percentile(x, 10, axis=-1))


for r in f(13):
    print(r)


@bodo.jit
def fit(n):
    x1 = np.arange(n) * 0.1
    x2 = np.sin(np.arange(n) * 0.3)
    X = np.column_stack((np.ones(n), x1, x2))
    y = 2.0 + 0.5 * x1 - 1.5 * x2 + np.cos(np.arange(n) * 1.7) * 0.01
    A = X.T @ X
    b = X.T @ y
    beta = np.linalg.solve(A, b)
    resid = y - X @ beta
    Ainv = np.linalg.inv(A)
    return beta, np.sqrt((resid ** 2).mean()), np.linalg.det(A), Ainv, np.linalg.solve(A, np.eye(3)), np.linalg.det(np.ones((3, 3)))


for r in fit(40):
    print(r)
M = np.array([[4.0, 1.0], [2.0, 3.0]])
print(np.linalg.inv(M))
print(np.linalg.det(M))
print(np.linalg.solve(M, np.array([1.0, 2.0])))
