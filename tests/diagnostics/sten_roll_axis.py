# np.roll along an axis the array does not have, and with a tuple of shifts
import numpy as np
import bodo


@bodo.jit
def shifted(n):
    T = np.ones((n, 3))
    a = np.roll(T, 1, axis=2)
    b = np.roll(T, (1, 2), axis=(0, 1))
    return a.sum() + b.sum()


print(shifted(4))
