# tier1: np.histogram(x, bins=k) counts and edges, np.bincount(x) with minlength, on distributed data
import numpy as np
import bodo


@bodo.jit
def hist(n):
    x = (np.arange(n) * 37 % 101) * 0.1
    counts, edges = np.histogram(x, bins=5)
    c10, e10 = np.histogram(x)
    return counts, edges, c10.sum(), e10[3]


@bodo.jit
def ints(n):
    k = np.arange(n) * 7 % 6
    b = np.bincount(k)
    b9 = np.bincount(k, minlength=9)
    c, e = np.histogram(k, bins=3)
    return b, b9, c, e


@bodo.jit
def flat(n):
    c, e = np.histogram(np.ones(n), bins=4)
    return c, e


for r in (hist(200), ints(50), flat(10)):
    for x in r:
        print(x)
