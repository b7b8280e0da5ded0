# NumPy functions written as formulas: missing and unknown arguments, and an argument read twice that is a random draw
import numpy as np
import bodo


@bodo.jit
def f(x):
    a = np.logical_and(x > 0)
    b = np.isclose(x, 0.5, equal_nan=True)
    c = np.hypot(x, np.random.rand(4))
    return a, b, c


print(f(np.arange(4.0)))
