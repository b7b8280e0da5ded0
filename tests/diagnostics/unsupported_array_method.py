# an array method bodoc lacks: one error, not also one for its arguments
import numpy as np
import bodo


@bodo.jit
def f(n):
    a = np.arange(n)
    b = a.view(np.float64)
    return b.sum()


print(f(3))
