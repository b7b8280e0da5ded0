# a misspelled keyword argument of a NumPy function, with a suggestion
import bodo
import numpy as np


@bodo.jit
def make(n):
    return np.zeros(n, dtyp=np.int64)


print(make(4))
