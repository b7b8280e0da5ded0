# tier1: np.arctan2/np.fmax/np.fmin (NaN handling, scalars, ints), x.dot(w) and X.dot(w) methods, np.digitize (right=, decreasing bins) with bincount
import numpy as np
import bodo


@bodo.jit
def f(n):
    x = np.arange(n) * 0.5 - 2.0
    y = np.arange(n) % 3 - 1.0
    ang = np.arctan2(y, x)
    X = np.arange(n * 3).reshape(n, 3) * 0.1
    w = np.array([0.5, -1.0, 2.0])
    s = X.dot(w)
    t = x.dot(y)
    z = np.where(y > 0, np.nan, x)
    return ang, s[:4], t, np.fmax(z, 0.0), np.fmin(z, y), np.arctan2(1.0, 2), np.arctan2(np.arange(4), 2), np.fmax(np.arange(5), 2)


for r in f(9):
    print(r)


@bodo.jit
def bins(n):
    x = (np.arange(n) * 7 % 13) * 0.5
    bins = np.array([0.0, 1.0, 2.5, 4.0, 6.0])
    d = np.digitize(x, bins)
    d2 = np.digitize(x, bins, right=True)
    d3 = np.digitize(x, [6.0, 3.0, 1.0])
    counts = np.bincount(d, minlength=6)
    return d, d2, d3, counts


for r in bins(15):
    print(r)
