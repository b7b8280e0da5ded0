# one rank leaves the loop early while the others still reduce in it
import numpy as np

import bodo


@bodo.jit
def rounds(n):
    a = np.arange(n)
    t = 0
    for k in range(3):
        if bodo.get_rank() == 1 and k == 1:
            break
        t += a.sum()
    return t


print(rounds(10))
