# tier2: DataFrame reductions (a Series labelled by the column names), describe() of frames and Series, with NaN skipped, counts of str columns
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make(n):
    i = np.arange(n)
    x = np.where(i % 5 == 0, np.nan, i * 0.75)
    return pd.DataFrame({"a": i % 9, "x": x, "tag": ["t" + str(k % 4) for k in range(n)], "y": (i * 13 % 17) - 8.0})


@bodo.jit(distributed=["df"])
def stats(df):
    nums = df[["a", "x", "y"]]
    return nums.sum(), nums.mean(), nums.min(), nums.max(), df.count(), nums.std(), nums.var(), nums.median(), nums.nunique()


@bodo.jit(distributed=["df"])
def describe(df):
    d = df.describe()
    return d, df.x.describe(), df[["a"]].describe(), d.x.sum()


df = make(203)
for s in stats(df):
    print(s)
for d in describe(df):
    print(d)
