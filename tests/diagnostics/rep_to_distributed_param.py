# a jit function passes a replicated array to a distributed= parameter
import numpy as np

import bodo


@bodo.jit(distributed=["a"])
def total(a):
    return a.sum()


@bodo.jit
def caller():
    weights = np.array([0.5, 1.5, 2.0])
    return total(weights)


print(caller())
