# a variable both distributed and replicated; a flag naming no variable (typo) only warns
import numpy as np

import bodo


@bodo.jit(distributed=["a"], replicated=["a"])
def total(a):
    return a.sum()


@bodo.jit(distributed=["valus"])
def scaled(values):
    return values * 2


print(total(np.arange(4)))
print(scaled(np.arange(3)))
