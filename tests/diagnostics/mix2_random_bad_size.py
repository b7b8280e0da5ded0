# np.random.randint takes low, high and one size (a tuple for 2D), not the dimensions one by one
import numpy as np

import bodo


@bodo.jit
def dice(n):
    return np.random.randint(1, 7, n, 2)


print(dice(10).sum())
