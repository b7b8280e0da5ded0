# an array stored in the rows of a 2D array chosen by an index array
import numpy as np
import bodo


@bodo.jit
def f(n):
    X = np.zeros((n, 2))
    X[np.array([0, 2])] = np.ones(2)
    return X


print(f(4))
