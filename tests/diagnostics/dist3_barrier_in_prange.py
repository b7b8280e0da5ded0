# a barrier directly inside a prange body: ranks run different numbers of iterations
import numpy as np

import bodo


@bodo.jit
def run(n):
    out = np.zeros(n)
    for i in bodo.prange(n):
        bodo.barrier()
        out[i] = i
    return out.sum()


print(run(10))
