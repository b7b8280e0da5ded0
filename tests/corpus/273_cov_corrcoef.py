# tier1: np.cov (ddof=) and np.corrcoef of two 1D arrays (2x2 REP matrices) and of one array, on distributed and driver data
import numpy as np
import bodo


@bodo.jit
def stats(n):
    x = np.sin(np.arange(n) * 0.3) * 2.0 + 1.0
    y = x * 0.5 + np.cos(np.arange(n) * 0.7)
    c = np.cov(x, y)
    r = np.corrcoef(x, y)
    return c, r, r[0, 1], np.cov(x), np.cov(x, y, ddof=0)[0, 1], np.corrcoef(x, -x)[0, 1], np.corrcoef(y)


@bodo.jit
def mixed(x, y):
    return np.corrcoef(x, y)[0, 1], np.cov(x, y)


for v in stats(200):
    print(v)
for v in mixed(np.arange(10.0), np.arange(10) ** 2):
    print(v)
try:
    print(np.cov(np.arange(3.0), np.arange(4.0)))
except ValueError as e:
    print("ValueError:", e)
