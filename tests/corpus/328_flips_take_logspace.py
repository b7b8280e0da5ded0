# tier1: np.matmul, np.vdot, np.array_equal, np.take, np.logspace (base=), np.flip (no axis, axis 0/1), np.flipud, np.fliplr
import numpy as np
import bodo


@bodo.jit
def f(n):
    M = np.arange(n * 3).reshape(n, 3) * 1.0
    a = np.arange(n) * 2
    b = np.arange(n) + 1
    return (np.matmul(M.T, M), np.vdot(a, b), np.array_equal(a, b), np.array_equal(a, a * 1), np.array_equal(a, M),
            np.take(a, np.array([0, 3, 1])), np.take(M, [1, 4]), np.logspace(0, 3, 4), np.logspace(1, 2, 3, base=2.0),
            np.flip(a), np.flip(M)[:2], np.flip(M, 0)[:2], np.flip(M, axis=1)[:2], np.flipud(M)[:2], np.fliplr(M)[:2])


for r in f(5):
    print(r)
