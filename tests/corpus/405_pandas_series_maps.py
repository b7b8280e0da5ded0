# tier2: Series maps keeping the labels: astype, abs, isna/notna, fillna, cumsum skipping NaN, round, NumPy functions of Series (np.sqrt, np.log1p), in new columns and reductions
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def make(n):
    i = np.arange(n)
    df = pd.DataFrame({"id": i, "x": [np.nan if k % 4 == 1 else k * 1.25 - 6.0 for k in range(n)], "f": i % 3 == 0})
    df["xi"] = df.x.fillna(0.0).astype(np.int64)
    df["missing"] = df.x.isna()
    df["cs"] = df.x.cumsum()
    df["ax"] = df.x.abs().round(1)
    df["fs"] = df.f.cumsum()
    df["fi"] = df.f.astype(int) * 10
    df["r"] = np.sqrt(df.id) + np.log1p(df.xi.abs())
    return df


@bodo.jit(distributed=["df"])
def summary(df):
    return df.missing.sum(), df.x.notna().sum(), df.xi.sum(), df.cs.max(), df.x.fillna(100).mean()


df = make(14)
print(df)
print(*summary(df))
