# tier1: jit functions write into array arguments (prange stores, +=, masks, slices, through aliases and jit-to-jit calls, distributed=False callees); the caller's array sees the writes
import numpy as np
import bodo


@bodo.jit
def fill(A, v):
    for i in bodo.prange(len(A)):
        A[i] = v * i
    return 0


@bodo.jit
def bump(A):
    A += 1


@bodo.jit
def set_first(A, v):
    A[0] = v


@bodo.jit
def total(A):
    return A.sum()


A = np.zeros(10)
fill(A, 2.0)
print(A)
bump(A)
print(A, total(A))
set_first(A, -5.0)
print(A[:3])
B = np.arange(7)
bump(B)
print(B)
C = B
C[2] = 100
print(B, total(B))
D = np.ones(5)
D += 2
bump(D)
print(D)
E = np.arange(9) * 1.0
E[E > 4] = 0.0
print(total(E), E)
