# rows of a 2D array iterated and updated in place (views in NumPy); reading a row or updating a slice copy whose base is not used again is fine
import numpy as np
import bodo


@bodo.jit
def ok_cases(n):
    data = np.arange(n) * 1.0
    x = data[1:]
    x -= x.mean()
    A = np.ones((3, 3))
    for row in A:
        s = row.sum()
    r = A[1]
    r2 = r * 2
    return x, s, r2


@bodo.jit
def loop_rows(A):
    for row in A:
        row *= 2
    return A.sum()


print(ok_cases(5))
print(loop_rows(np.ones((2, 2))))
