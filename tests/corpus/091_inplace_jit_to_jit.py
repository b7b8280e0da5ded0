# tier1: writes into array arguments across jit-to-jit calls of different distributions (distributed=False callee, alias, helper passing the array on)
import numpy as np
import bodo


@bodo.jit(distributed=False)
def seq_fill(A):
    for i in range(len(A)):
        A[i] = A[i] * 10 + i


@bodo.jit
def par_fill(B):
    C = B
    C[C > 20] = -1


@bodo.jit
def zero_head(A, k):
    A[:k] = 0


@bodo.jit
def outer(n):
    A = np.arange(n)
    seq_fill(A)
    s1 = A.sum()
    par_fill(A)
    zero_head(A, 2)
    return A, s1


@bodo.jit
def via_helper(A):
    par_fill(A)
    return A.sum()


A, s1 = outer(7)
print(A, s1)
X = np.arange(9) * 3
print(via_helper(X))
print(X)
Y = np.arange(5)
seq_fill(Y)
print(Y)
Z = np.arange(6) * 1.0
zero_head(Z, 4)
print(Z)
W = outer(5)[0]
seq_fill(W)
print(W)
