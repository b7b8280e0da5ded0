# tier1: X[:, j] = v and X[i, :] = v with 1D arrays (also inside prange, from a REP row vector), NumPy's broadcast error
import numpy as np
import bodo


@bodo.jit
def build(n, d):
    M = np.zeros((n, d))
    for j in range(d):
        M[:, j] = np.arange(n) * (j + 1)
    M[0, :] = np.ones(d) * -1.0
    M[n - 1, :] = np.arange(d)
    M[:, d - 1] = np.ones(1) * 9.0
    return M


@bodo.jit
def rows_in_prange(n, d):
    M = np.zeros((n, d))
    base = np.arange(d) * 0.5
    for i in bodo.prange(n):
        M[i, :] = base + i
    return M


@bodo.jit
def bad(n):
    M = np.zeros((n, 3))
    M[:, 1] = np.ones(n + 1)
    return M


@bodo.jit
def standardize(X):
    n, d = X.shape
    Z = np.empty((n, d))
    for j in range(d):
        col = X[:, j]
        Z[:, j] = (col - col.mean()) / col.std()
    return Z


M = build(7, 3)
print(M)
print(M.sum())
R = rows_in_prange(6, 4)
print(R)
B = np.zeros((2, 3), dtype=np.int64)
B[1, :] = np.array([1, 2, -3])
B[:, 0] = np.array([True, False])
print(B)
try:
    bad(5)
except ValueError as e:
    print("ValueError:", e)
X = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5], [7.0, 8.5, 9.0], [0.5, 1.5, 2.5]])
Z = standardize(X)
print(Z)
print(round(Z.sum(), 12), Z.min(), Z.max())
