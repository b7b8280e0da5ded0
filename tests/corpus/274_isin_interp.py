# tier1: np.isin (list or array values, 1D and 2D), np.interp of arrays and numbers (lists or arrays of points, NaN), on distributed data
import numpy as np
import bodo


@bodo.jit
def f(n):
    x = np.arange(n) * 0.37 - 2.0
    k = np.arange(n) % 10
    m = np.isin(k, [2, 3, 7])
    m2 = np.isin(k, np.array([0, 9]))
    xp = np.array([-1.0, 0.0, 2.0, 5.0])
    fp = np.array([0.0, 10.0, 4.0, 8.0])
    y = np.interp(x, xp, fp)
    y1 = np.interp(1.0, xp, fp)
    y2 = np.interp(x, [0.0, 1.0], [5, 6])
    K = k.reshape(n // 2, 2)
    return m.sum(), m2[:12], y, y1, y2[-4:], np.isin(K, [1, 2])[:3], x[np.isin(k, [5])]


for v in f(40):
    print(v)
print(np.interp(np.array([0.5, np.nan, 3.0]), np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 2.0])))
