# tier1: bodo.scatterv/rebalance where arrays are whole (distributed=False, a jit function called inside prange) keep them whole
import numpy as np

import bodo


@bodo.jit
def helper(k):
    a = np.arange(k) * 1.0
    b = bodo.scatterv(a)
    c = bodo.rebalance(b[b > 1])
    return b.sum() + c.sum() + len(c)


@bodo.jit(distributed=False)
def rep_fn(k):
    a = np.arange(k) * 1.0
    b = bodo.scatterv(a)
    c = bodo.rebalance(b[b > 1])
    return b.sum() + c.sum() + len(c)


@bodo.jit
def outer(n):
    out = np.empty(n)
    for i in bodo.prange(n):
        out[i] = helper(i + 3)
    return out, helper(n), rep_fn(n)


print(*outer(6))
