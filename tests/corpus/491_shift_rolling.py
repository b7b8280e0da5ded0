# windows over Series: shift both ways (NaN and NaT fill), diff of ints and
# floats, rolling sums and means with NaN inside, windows of 1 and longer
# than the data, runs of one value, negative values; distributed and not
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def series(n):
    i = np.arange(n)
    x = np.where(i % 7 == 3, np.nan, (i % 5) * 0.1 - 0.2)
    df = pd.DataFrame({"i": i, "x": x, "k": (i * 37) % 11 - 5, "flat": np.full(n, 0.1)})
    df["when"] = pd.to_datetime(pd.Series([f"2024-03-{d % 28 + 1:02d}" for d in range(n)]))
    return df


@bodo.jit(distributed=["df"])
def windows(df):
    out = pd.DataFrame({
        "prev": df.k.shift(1),
        "next": df.x.shift(-2),
        "dk": df.k.diff(),
        "dx3": df.x.diff(3),
        "s3": df.x.rolling(3).sum(),
        "m2": df.k.rolling(2).mean(),
        "m1": df.x.rolling(1).mean(),
        "flat4": df.flat.rolling(4).mean(),
        "neg": (df.k - 10).rolling(3).mean(),
        "long": df.k.rolling(1000).sum(),
    })
    return out, df.when.shift(2)


@bodo.jit
def small():
    s = pd.Series([1.5, 2.25, np.nan, 4.0, 8.5, 0.125])
    return s.shift(2), s.rolling(2).sum(), s.diff(-1)


df = series(40)
w, when = windows(df)
print(w.head(8))
print(w.tail(4))
print(w.s3.sum(), w.m2.max(), w.flat4.max(), w.neg.min(), w.long.count())
print(when.head(4))
a, b, c = small()
print(a)
print(b)
print(c)
