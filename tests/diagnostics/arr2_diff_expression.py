# np.diff of an expression that evaluated twice would differ (a random draw)
import numpy as np

import bodo


@bodo.jit
def f(n):
    a = np.arange(n) * 1.5
    return np.diff(a * np.random.rand(n))


print(f(4))
