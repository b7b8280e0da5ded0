# tier1: np.diff of expressions (np.diff(np.sort(x)), slices, powers) and with n= (positional or keyword, 0 to 3)
import numpy as np
import bodo


@bodo.jit
def gaps(n):
    x = np.sin(np.arange(n) * 1.7) * 10.0
    g = np.diff(np.sort(x))
    d2 = np.diff(x, n=2)
    d3 = np.diff(x, 3)
    d0 = np.diff(x, n=0)
    steps = np.diff(np.arange(n) ** 2)
    return g.max(), g.argmax(), d2[:4], d3[-2:], len(d0), steps[:5], np.diff(x[::2])[:3]


for v in gaps(30):
    print(v)
