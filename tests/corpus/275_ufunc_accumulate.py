# tier1: np.maximum/minimum/add/multiply.accumulate (running max for drawdowns, NaN, 2D along axis 0 by default and axis=1)
import numpy as np
import bodo


@bodo.jit
def drawdown(n):
    r = 0.01 * ((np.arange(n) * 7) % 11 - 5)
    growth = np.cumprod(1.0 + r)
    peak = np.maximum.accumulate(growth)
    dd = growth / peak - 1.0
    low = np.minimum.accumulate(np.arange(n) % 13 - np.arange(n) // 5)
    X = (np.arange(n * 2).reshape(n, 2) * 37) % 17
    cx = np.maximum.accumulate(X)
    cx1 = np.maximum.accumulate(X, axis=1)
    s = np.add.accumulate(r)
    p = np.multiply.accumulate(np.arange(1, 8))
    nanrun = np.maximum.accumulate(np.where(np.arange(n) == 5, np.nan, r))
    return dd.min(), np.argmin(dd), peak[-5:], low[:12], cx[-3:], cx1[:3], s[-1], p, nanrun[:8]


for v in drawdown(40):
    print(v)
