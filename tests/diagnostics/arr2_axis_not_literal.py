# the axis of a reduction must be an integer literal
import numpy as np

import bodo


@bodo.jit
def f(n, k):
    X = np.ones((n, 3))
    return X.sum(axis=k)


print(f(4, 0))
