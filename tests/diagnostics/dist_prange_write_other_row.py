# a distributed array written at another index than the prange variable
import numpy as np

import bodo


@bodo.jit
def reverse(n):
    a = np.arange(n) * 1.0
    b = np.zeros(n)
    for i in bodo.prange(n):
        b[n - 1 - i] = a[i]
    return b


print(reverse(10))
