# a misspelled NumPy function
import numpy as np
import bodo


@bodo.jit
def f(n):
    a = np.arrange(n)
    return a.sum()


print(f(3))
