# tier1: A.T / np.transpose, 2D @ 2D, sub-matrices A[1:3, 0:2] / A[:, 1:] / A[i, 1:] (read, assigned, updated), np.diag, np.trace
import numpy as np
import bodo


@bodo.jit
def gram(n):
    X = np.arange(n * 3, dtype=np.float64).reshape(n, 3) % 11.0
    G = X.T @ X
    W = np.diag(np.arange(3) + 1.0)
    Y = X @ W
    return X.T.shape, G, np.trace(G), np.diag(G), Y.sum(axis=0), np.dot(Y, np.ones((3, 2))).sum()


@bodo.jit
def parts(n):
    A = np.arange(n * 4).reshape(n, 4)
    B = A[1:3, 0:2]
    C = A[:, 1:]
    D = A[::3, ::-1]
    return B, C.sum(axis=0), C.shape, D.sum(axis=0), A[2, 1:3], A[1:, 2].sum(), A[:2], np.diag(A).sum()


@bodo.jit
def blocks(n):
    A = np.zeros((n, 4))
    A[1:3, 0:2] = 1.0
    A[:, 3:] = 2.0
    A[5:, 1] = 7.0
    A[0, 2:] = -1.0
    A[::3, ::2] += 5.0
    A[7:9, 2:] = np.array([[1.5, 2.5], [3.5, 4.5]])
    A[4:, 0] -= np.arange(n - 4) * 1.0
    return A.sum(axis=0), A[0], A[6], A[8]


@bodo.jit(distributed=False)
def small():
    A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    B = np.transpose(A)
    return B, A @ B, np.trace(A @ B), np.diag(np.array([1, 2, 3]))


for r in (gram(30), parts(12), blocks(10), small()):
    for x in r:
        print(x)
