# tier2: copy() of frames and series, pandas in driver code (columns, masks, Series arithmetic and pd.Series of the driver) and print of a distributed frame inside a jit function
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def make(n):
    i = np.arange(n)
    df = pd.DataFrame({"id": i, "v": i * 0.5})
    print(df.head(3))
    print(df.v.sum())
    return df


df = make(10)
print(df.v.mean(), len(df))
print(df[df.id > 6])
s = df.v * 2
print(s.tail(2))
t = pd.Series([1, 2, 3])
print(t + 1)


@bodo.jit
def copies(n):
    df = pd.DataFrame({"a": np.arange(n)})
    d2 = df.copy()
    d2["b"] = d2.a * 2
    s = d2.b.copy()
    return df, d2, s.sum()


x, y, total = copies(5)
print(x)
print(y)
print(total)
