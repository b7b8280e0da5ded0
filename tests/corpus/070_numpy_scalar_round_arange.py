# tier1: round() of NumPy scalars rounds as np.round (0.95 -> 1.0), float np.arange values filled NumPy's way (start + i * ((start + step) - start))
import numpy as np

import bodo


@bodo.jit
def steps():
    a = np.arange(1, 1.3, 0.1)
    c = np.arange(10.0, 9.0, -0.1)
    k = np.arange(-3.3, 3.3, 1.1)
    print(len(a), a, a[3] == 1.3, a[3])
    print(len(c), c[3], c[9], c.sum())
    print(len(k), k[2], k[5])
    return a, c, k


@bodo.jit(distributed=False)
def rounding():
    v = np.array([0.285, 1.005, 2.675, 0.575, 0.125, 0.375, 1.45, 2.5, 0.15, 0.25, 0.35, 0.45, 0.95])
    b = np.array([3, 7, 9, 1])
    for i in range(len(v)):
        x = v[i]
        y = x * 10.0
        print(x, round(x, 2), round(x, 1), round(float(x), 2), round(float(x), 1), round(y, -1), round(-x, 1))
    print(round(b.mean() + 0.05, 1), round(b.sum() / 8, 1), round(v[12] / 1.0, 1), round(0.95, 1), round(v.max() * 100, -1))


a, c, k = steps()
print([float(x) for x in a])
print([float(x) for x in c])
rounding()
