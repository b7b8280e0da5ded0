# tier1: np.vstack/np.hstack/np.column_stack/np.stack of 1D and 2D arrays and np.append, distributed and replicated
import numpy as np
import bodo


@bodo.jit
def features(n):
    x = np.arange(n, dtype=np.float64) * 0.5
    k = np.arange(n) % 7
    M = np.column_stack((x, k, x * x))
    return M.sum(axis=0), M.shape, M[n - 1]


@bodo.jit
def rows(n):
    a = np.arange(n, dtype=np.float64)
    V = np.vstack((a, a + 1.0, a % 3))
    S = np.stack([a, a * 2.0])
    return V.shape, V.sum(axis=1), S[1, 5], S.sum()


@bodo.jit
def joined(n):
    a = np.arange(n)
    b = np.arange(n) * 0.25
    H = np.hstack((a, b, a))
    M = np.column_stack((a, b))
    H2 = np.hstack((M, M))
    V2 = np.vstack((M, M[:3]))
    return H.shape, H.sum(), H2.shape, H2.sum(axis=0), V2.shape, V2.sum()


@bodo.jit
def appended(n):
    a = np.arange(n)
    b = np.append(a, 100)
    c = np.append(a, [1.5, 2.5])
    d = np.append(b, a * 2)
    return len(b), b[-1], b.sum(), c[-2], c.sum(), len(d), d.sum()


@bodo.jit(distributed=False)
def small():
    a = np.array([1.0, 2.0, 3.0])
    b = np.array([4.0, 5.0, 6.0])
    return np.vstack((a, b)), np.column_stack((a, b)), np.append(a, 7.0), np.hstack([a, b])


for r in (features(50), rows(40), joined(30), appended(25), small()):
    for v in r:
        print(v)
