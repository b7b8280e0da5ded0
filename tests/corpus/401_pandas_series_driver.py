# tier2: Series built from lists and arrays (name=), printed whole and cut, passed between jit functions and driver code, distributed Series arguments, reductions of int/bool/float Series with NaN
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def make(n):
    return pd.Series(np.arange(n) * 0.25 - 3.0, name="level")


@bodo.jit(distributed=["s"])
def stats(s):
    pos = s > 0.0
    return s.sum(), s.mean(), s.min(), s.max(), pos.sum(), pos.count(), (s * 2).std(), len(s)


@bodo.jit
def scaled(s, k):
    t = s * k + 1
    last = t.tail(2)
    return t.head(3), t.tail(3), -last


@bodo.jit
def with_nan():
    s = pd.Series([2.5, np.nan, -1.0, np.nan, 4.0])
    return s.sum(), s.mean(), s.count(), s.min(), s.max(), s.var(), len(s)


s = make(80)
print(s)
total, mean, lo, hi, npos, cnt, sd, n = stats(s)
print(total, mean, lo, hi, npos, cnt, sd, n)
h, t, nt = scaled(s, 3)
print(h)
print(t)
print(nt)
print(*with_nan())
small = make(4)
print(small)
print(pd.Series([True, False, True]))
print(len(small), small.shape)
