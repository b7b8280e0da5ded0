# tier1: cumprod, exact (wrapping) int64 powers and NumPy's error for negative integer powers
import numpy as np

import bodo


@bodo.jit
def growth(n):
    r = 1.0 + np.arange(n) * 0.01
    k = np.arange(1, n + 1)
    print(np.cumprod(r)[-3:])
    print(k.cumprod()[:10])
    print(np.cumprod(k % 3 == 1)[:5])
    X = (np.arange(6) + 1).reshape(2, 3)
    print(X.cumprod(), X.cumsum())
    return r.cumprod()


@bodo.jit
def powers(n, e):
    a = np.arange(n)
    print(a ** 3)
    print(a ** 21)
    b = a.copy()
    b **= 2
    print(b, (a + 1) ** a)
    try:
        c = a ** e
        print(c)
    except ValueError as err:
        print("ValueError:", err)
    return np.power(a, 2).sum()


print(growth(30)[-1])
print(powers(8, 2))
print(powers(6, -1))
