# a barrier inside a function that a prange body calls: ranks run different numbers of iterations
import numpy as np

import bodo


@bodo.jit
def step(x):
    bodo.barrier()
    return x * 2


@bodo.jit
def run(n):
    out = np.zeros(n)
    for i in bodo.prange(n):
        out[i] = step(i)
    return out.sum()


print(run(10))
