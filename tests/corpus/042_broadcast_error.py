# tier1: arrays of different lengths combined: NumPy's broadcast ValueError (caught with its message, then uncaught: exit 1 on every rank)
import numpy as np

import bodo


@bodo.jit
def shifted(n):
    a = np.arange(n) * 1.0
    b = a[1:]
    d = a[::2] - b[::2]
    e = a - b
    return d.sum() + e.sum()


@bodo.jit
def combine(n):
    x = np.arange(n)
    y = np.ones((n + 1, 2))
    return (x + y[:, 0]).sum()


try:
    print(shifted(100))
except ValueError as e:
    print("caught:", e)
print("next")
print(combine(100))
