# tier1: np.unique(x, return_counts=True) of distributed int, float and bool arrays (counts summed over the ranks), the most frequent value
import numpy as np

import bodo


@bodo.jit
def tally(n):
    rolls = (np.arange(n) * 7 + 3) % 6 + 1
    faces, freq = np.unique(rolls % 4, return_counts=True)
    levels = np.floor(np.sin(np.arange(n) * 0.37) * 2.5)
    lv, lc = np.unique(levels, return_counts=True)
    high = np.cos(np.arange(n) * 0.11) > 0.3
    hv, hc = np.unique(high, return_counts=True)
    return faces, freq, freq.sum() == n, lv, lc, lv[lc.argmax()], hv, hc


@bodo.jit(distributed=False)
def small():
    a = np.array([5, 3, 5, 9, 3, 5])
    vals, counts = np.unique(a, return_counts=True)
    return vals, counts


for r in tally(3001):
    print(r)
vals, counts = small()
for v, c in zip(vals, counts):
    print(v, "x", c)
