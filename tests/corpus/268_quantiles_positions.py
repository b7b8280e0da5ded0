# tier1: np.percentile/np.quantile of one q or a list/array of q, np.nonzero/np.where(c)/np.flatnonzero, unpacking 1D arrays
import numpy as np
import bodo


@bodo.jit
def summary(n):
    x = np.cos(np.arange(n) * 0.7) * 5.0 + np.arange(n) * 0.01
    q1, q3 = np.percentile(x, [25, 75])
    qs = np.quantile(x, np.array([0.1, 0.5, 0.9]))
    iqr = q3 - q1
    inliers = x[(x > q1 - 1.5 * iqr) & (x < q3 + 1.5 * iqr)]
    deciles = np.percentile(x, np.arange(0, 101, 10))
    return q1, q3, qs, len(inliers), deciles, np.quantile(x, 0.3), np.median(x)


@bodo.jit
def positions(n):
    m = np.arange(n) % 17 == 3
    w = np.where(m)[0]
    nz = np.nonzero(np.arange(n) % 5)[0]
    f = np.flatnonzero(m)
    t = np.nonzero(m)
    return w, nz.sum(), len(nz), f, t[0].sum()


@bodo.jit
def three(n):
    a = np.arange(n) * 2
    x, y, z = a
    return x + y + z


q1, q3, qs, n_in, deciles, q30, med = summary(101)
print(q1, q3, n_in, q30, med)
print(qs)
print(deciles)
w, nz_sum, nz_len, f, t0 = positions(60)
print(w, nz_sum, nz_len, f, t0)
print(np.nonzero(np.array([0.0, np.nan, 2.0, 0.0])))
print(three(3))
for n in (4, 2):
    try:
        print(three(n))
    except ValueError as e:
        print("ValueError:", e)
lo, hi = np.quantile(np.arange(11), [0.05, 0.95])
print(lo, hi)
for q in (1.5, -0.1):
    try:
        print(np.quantile(np.arange(5), q))
    except ValueError as e:
        print("ValueError:", e)
try:
    print(np.percentile(np.arange(5), [50, 101]))
except ValueError as e:
    print("ValueError:", e)
