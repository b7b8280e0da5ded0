# writes into variables holding NumPy views (a row, a slice) while the base array is used afterwards
import numpy as np
import bodo


@bodo.jit
def f(n):
    A = np.zeros((n, 3))
    for i in range(n):
        A[i][1] = i * 2.0
    row = A[2]
    row[0] = 7.0
    B = np.arange(10)
    v = B[2:5]
    v[0] = 100
    return A, B


A, B = f(4)
print(A)
print(B)
