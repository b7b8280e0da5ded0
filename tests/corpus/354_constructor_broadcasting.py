# tier1: broadcasting of inlined constructors (fills and random draws of extent 1, outer products of a column fill and a row), NumPy's broadcast errors in operand order
import numpy as np
import bodo


@bodo.jit
def f(k, n):
    if k == 0:
        return (np.arange(n + 1) + np.arange(n)).sum()
    if k == 1:
        return (np.ones(n) + np.arange(n + 1)).sum()
    if k == 2:
        return (np.ones(1) + np.arange(n)).sum()
    if k == 3:
        return (np.ones((n, 1)) * np.random.rand(n, 4)).shape[1] * 1.0
    if k == 4:
        return (np.ones((2, 3)) + np.ones((3, 3))).sum()
    if k == 5:
        return (np.ones((3, 3)) + np.ones((2, 3))).sum()
    if k == 6:
        return (np.zeros((n, 1)) + np.zeros((1, 3))).sum()
    if k == 7:
        return (np.arange(n) + np.ones((n, 1))).sum()
    return (np.random.rand(n, 1) * np.ones((n, 3)) >= 0).sum() * 1.0


for k in range(9):
    try:
        print(k, f(k, 4))
    except ValueError as e:
        print(k, "ValueError:", e)
