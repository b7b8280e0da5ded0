# tier1: std/var with ddof= (methods and functions) next to the other reductions
import numpy as np

import bodo


@bodo.jit
def reds(n):
    a = np.arange(n) * 1.5 - 4.0
    b = np.arange(1, n + 1)
    return (a.std(), a.std(ddof=1), np.var(b, ddof=1), np.std(a * 2, ddof=0), b.var(ddof=2),
            a.mean(), np.prod(b), a.argmin(), np.argmax(a))


for x in reds(10):
    print(x)
