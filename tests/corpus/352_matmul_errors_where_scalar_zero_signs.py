# tier1: a @ b shape errors in matmul's wording (2D and 1D operands), np.where with a scalar condition, nonzero-number conditions, and which signed zero min/max return (NumPy's SIMD order)
import numpy as np

import bodo


@bodo.jit
def project(n, k):
    A = np.ones((n, 3))
    B = np.ones((k, 2))
    return (A @ B).sum()


@bodo.jit
def project_vec(n, k):
    A = np.ones((n, 3))
    v = np.ones(k)
    return (A @ v).sum()


@bodo.jit
def choose(n, flag):
    a = np.arange(n) * 1.0
    b = np.zeros(n)
    counts = np.arange(n) % 3
    return np.where(flag, a, b), np.where(counts, a, -1.0)


@bodo.jit
def zero_extremes(n, k, m):
    i = np.arange(n)
    a = np.where((i * k) % m == 0, 0.0, np.where((i * k) % m == 1, -0.0, -1.0))
    return a.max(), (-a).min()


print(project(4, 3))
for k in [4, 2]:
    try:
        print(project(4, k))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(project_vec(4, k))
    except ValueError as e:
        print("ValueError:", e)
a, b = choose(6, True)
print(a, b)
a, b = choose(6, False)
print(a, b)
signs = []
for n in range(1, 80, 3):
    for k in [1, 3, 5]:
        for m in [2, 3, 5, 11]:
            hi, lo = zero_extremes(n, k, m)
            signs.append(("-" if str(hi)[0] == "-" else "+") + ("-" if str(lo)[0] == "-" else "+"))
print("".join(signs))
small = np.array([0.0, -0.0])
print(small.max(), small.min(), np.array([-0.0, 0.0]).max())
