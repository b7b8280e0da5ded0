# tier1: prange concatenation reduction of lists of tuples, strings and lists (elements that are objects travel between ranks encoded)
import numpy as np

import bodo


@bodo.jit
def pairs(n):
    x = np.arange(n) * 0.5
    res = []
    for i in bodo.prange(n):
        if i % 3 != 1:
            res.append((i, float(x[i])))
    return res


@bodo.jit
def labels(n):
    out = []
    for i in bodo.prange(n):
        if i % 2 == 0:
            out.append("item-" + str(i))
        else:
            out.append("odd é " + str(i * i))
    return out


@bodo.jit
def rows(n):
    out = []
    for i in bodo.prange(n):
        out.append([i, i * 2, i * 3][: i % 4])
    return out


@bodo.jit
def mixed(n):
    out = []
    for i in bodo.prange(n):
        out.append((str(i), i % 2 == 0, [float(i)] * (i % 3), None))
    return out


for n in [0, 1, 2, 5, 9]:
    print(pairs(n))
    print(labels(n))
    print(rows(n))
    print(mixed(n))
