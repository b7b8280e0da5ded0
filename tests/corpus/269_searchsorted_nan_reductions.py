# tier1: np.searchsorted (one value or an array, both sides, NaN), NaN-ignoring reductions (nansum/nanmean with axis, nanmax/nanmin/nanstd/nanvar/nanmedian/nanpercentile, of a variable or a column expression), np.float64(x)/np.int64(x)
import numpy as np
import bodo


@bodo.jit
def binning(n):
    x = np.sin(np.arange(n) * 0.9) * 4.0
    edges = np.linspace(-4.0, 4.0, 9)
    idx = np.searchsorted(edges, x)
    right = np.searchsorted(edges, x, side="right")
    s = np.sort(x)
    k = np.searchsorted(s, 0.0)
    k2 = np.searchsorted(s, 1.5, side="right")
    c = np.searchsorted(np.arange(10), [3, 3.5, -1, 20])
    return idx[:10], right[-5:], k, k2, c, np.bincount(idx)


@bodo.jit
def cleaned(n):
    i = np.arange(n)
    x = np.where(i % 6 == 0, np.nan, np.cos(i * 0.2) * 3.0)
    m = np.nanmean(x)
    filled = np.where(np.isnan(x), m, x)
    return np.isnan(x).sum(), m, np.nansum(x), np.nanmax(x), np.nanmin(x), np.nanstd(x), filled[:7]


@bodo.jit
def columns(n):
    i = np.arange(n * 3)
    X = np.where(i % 5 == 0, np.nan, i * 0.5).reshape(n, 3)
    v = X[:, 1]
    total = np.float64(0)
    for j in range(3):
        total += np.nansum(X[:, j]) + np.nanmin(X[1:, j] * 2.0)
    return np.nanmean(X, axis=0), np.nansum(X, 1)[:4], np.nanpercentile(v, 40), np.nanmedian(v), np.nanvar(v, ddof=1), total, np.int64(total)


for r in (binning(101), cleaned(50), columns(20)):
    for v in r:
        print(v)
print(np.searchsorted(np.array([1.0, 2.0, np.nan]), np.nan), np.searchsorted(np.array([1, 2, 2, 3]), 2, side="right"))
