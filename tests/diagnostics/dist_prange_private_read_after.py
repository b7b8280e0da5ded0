# a value assigned in a prange body (not a reduction) is read after the loop
import numpy as np

import bodo


@bodo.jit
def last_scaled(n):
    a = np.arange(n) * 1.5
    total = 0.0
    x = 0.0
    for i in bodo.prange(n):
        x = a[i] * 2.0
        total += x
    return total, x


print(last_scaled(10))
