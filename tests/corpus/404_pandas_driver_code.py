# tier2: pandas in driver code (columns, masks, Series arithmetic and pd.Series of the driver) and print of a distributed frame inside a jit function
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
