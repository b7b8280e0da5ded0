# np.pad supports mode="constant" only; edge padding is reported at the mode
import numpy as np
import bodo


@bodo.jit
def f(n):
    a = np.arange(n)
    return np.pad(a, 2, mode="edge")


print(f(5))
