# np.diff of an expression rather than of a variable
import numpy as np

import bodo


@bodo.jit
def f(n):
    a = np.arange(n) * 1.5
    return np.diff(a * a)


print(f(4))
