# tier2: DataFrames of int/float/bool columns from arrays and lists, column reads/stores (new, replaced, one value), Series arithmetic and comparisons, NaN-skipping reductions, head/tail (0, negative), column selection, len/shape, printing (long frames cut), distributed frames
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def build(n):
    x = np.arange(n) * 1.5
    df = pd.DataFrame({"x": x, "y": [float(i % 7) for i in range(n)], "k": np.arange(n) % 3})
    df["z"] = df.x / (df.y + 1.0)
    df["big"] = df["z"] > 2.0
    df["one"] = 1
    df["x"] = -df.x
    return df


@bodo.jit
def summary(df):
    s = df.z
    return s.sum(), s.mean(), s.min(), s.max(), s.std(), s.var(), s.count(), df.k.sum(), df.big.sum()


@bodo.jit
def pieces(df):
    return df.head(3), df.tail(2), df[["k", "x"]].head(), df.z.tail(4), df.tail(0), df.head(-8)


@bodo.jit
def series_ops(n):
    s = pd.Series(np.arange(n) * 2.0, name="twice")
    t = pd.Series([1.5, np.nan, 3.0, -2.0])
    u = s * s - 3
    return u.head(3), t.sum(), t.mean(), t.count(), t.max(), (s >= 4.0).sum(), len(u), u.shape


df = build(12)
print(df)
print(*summary(df))
a, b, c, d, e, f = pieces(df)
print(a)
print(b)
print(c)
print(d)
print(e)
print(f)
u3, tsum, tmean, tcount, tmax, ge, n, shape = series_ops(70)
print(u3)
print(tsum, tmean, tcount, tmax, ge, n, shape)
big = build(100)
print(big)
print(big.x)
print(len(big), big.shape)
