# tier1: np.random with 2D shapes (rand(n, m), randn(n, m), random((n, m)), randint(lo, hi, (n, m)), size= keyword), statistics in driver code
import numpy as np

import bodo


@bodo.jit
def gen(n, seed):
    np.random.seed(seed)
    A = np.random.rand(n, 3)
    B = np.random.randn(n, 2)
    C = np.random.random((n, 4))
    D = np.random.randint(0, 10, (n, 2))
    E = np.random.randint(1, 7, size=n)
    F = np.random.ranf(size=(n, 2))
    return A, B, C, D, E, F


@bodo.jit
def summarize(A):
    return A.shape[0], A.shape[1], A.min() >= 0.0, A.max() < 1.0


@bodo.jit
def row_norms(P):
    return np.sqrt(P[:, 0] ** 2 + P[:, 1] ** 2)


A, B, C, D, E, F = gen(4000, 9)
for M in (A, C, F):
    rows, cols, lo_ok, hi_ok = summarize(M)
    print(rows, cols, lo_ok, hi_ok)
print(A.shape, B.shape, D.shape, E.shape)
print(abs(B.mean()) < 0.05, round(B.std(), 1), round(A.mean(), 1))
print(D.min(), D.max(), E.min(), E.max(), D.dtype)
cm = A.mean(axis=0)
print(np.abs(cm - 0.5).max() < 0.03)
# every element is its own draw, not one per row
print((A[:, 0] != A[:, 1]).all(), (C[:, 2] != C[:, 3]).all(), (D[:, 0] == D[:, 1]).sum() < 1000)
r = row_norms(B)
print(len(r), r.min() >= 0.0, round((r < 1.0).mean(), 1))
print(f"one draw: {0.0 <= np.random.rand() < 1.0}, {0 <= np.random.randint(0, 5) < 5}")
