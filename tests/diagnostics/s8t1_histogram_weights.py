# np.histogram's weights= must be int or float numbers (NumPy sums bools as bools), and density= must be a constant
import numpy as np
import bodo


@bodo.jit
def hist(x, w, dens):
    c, e = np.histogram(x, bins=5, weights=w)
    d, f = np.histogram(x, bins=5, density=dens)
    return c, d


print(hist(np.arange(10.0), np.ones(10) > 0, True))
