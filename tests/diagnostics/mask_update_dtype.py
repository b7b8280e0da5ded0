# an in-place masked update whose result does not fit the int array
import numpy as np
import bodo


@bodo.jit
def halve(n):
    b = np.arange(n)
    b[b > 2] /= 2
    return b


print(halve(6))
