# a block of a 2D grid (a range of rows and a range of columns) is not supported
import numpy as np

import bodo


@bodo.jit(distributed=False)
def relax(n, m):
    T = np.zeros((n, m))
    T[0, :] = 100.0
    inner = T[1:-1, 1:-1]
    return inner.sum() + T[1, 1:3].sum()


print(relax(10, 8))
