# tier1: `v in a` / `v not in a` on int, float, bool and 2D arrays, distributed, filtered (1D_Block_Var), empty, and a REP lookup table inside prange
import numpy as np
import bodo


@bodo.jit
def member(n, v):
    a = (np.arange(n) * 7) % 13
    f = a * 0.5
    b = a[a > 5]
    return v in a, v not in b, 3.5 in f, v in f, True in (a > 11), 2.25 in a


@bodo.jit
def lookup(n):
    table = np.arange(10) * 3
    out = np.zeros(n, np.int64)
    for i in bodo.prange(n):
        if i in table:
            out[i] = 1
    return out.sum()


@bodo.jit
def loc(a):
    return 4 in a


for n in [0, 1, 3, 20]:
    print(member(n, 4), member(n, 12))
print(lookup(40))
a = np.arange(5)
print(loc(a), 7 in a, 2.0 in a, np.nan in a * 1.0)
X = np.arange(6).reshape(2, 3)
print(5 in X, 9 in X)
