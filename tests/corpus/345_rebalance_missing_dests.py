# tier1: bodo.rebalance(dests=) listing ranks a run does not have (skipped; none left: rank 0 takes all), on 1 to 4 ranks
import numpy as np

import bodo


@bodo.jit
def reb(n):
    a = np.arange(n)
    b = a[a % 3 == 0]
    c = bodo.rebalance(b, dests=[0, 1])
    d = bodo.rebalance(b, dests=[1])
    return c.sum(), len(c), d.sum(), len(d), c, d


for n in [0, 2, 10]:
    print(*reb(n))
