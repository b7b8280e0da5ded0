# tier2: groupby on int, float and bool keys: sum, mean, count, min, max, size, std, var, first, last, nunique of selected columns and of every column, NaN skipped; results in key order
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def readings(n):
    i = np.arange(n)
    temp = 10.0 + ((i * 7919) % 301) * 0.1
    temp = np.where(i % 17 == 3, np.nan, temp)
    return pd.DataFrame({
        "site": (i * 3 + i // 11) % 5 + 1,
        "level": (i % 4) * 0.5,
        "wet": i % 3 == 0,
        "temp": temp,
        "count": (i * 13) % 7,
        "seq": i,
    })


@bodo.jit(distributed=["df"])
def summary(df):
    g = df.groupby("site")
    parts = pd.DataFrame({
        "total": g["temp"].sum(),
        "avg": g["temp"].mean(),
        "n": g["temp"].count(),
        "rows": g.size(),
        "lo": g["temp"].min(),
        "hi": g["temp"].max(),
        "sd": g["temp"].std(),
        "var": g["count"].var(),
    })
    ends = pd.DataFrame({
        "first": g["seq"].first(),
        "last": g["seq"].last(),
        "first_t": g["temp"].first(),
        "kinds": g["count"].nunique(),
    })
    by_level = df.groupby("level")["temp"].mean()
    by_wet = df.groupby("wet")["count"].sum()
    everything = df[["site", "temp", "count", "wet"]].groupby("site").max()
    sums = df[["level", "count", "wet"]].groupby("level").sum()
    return parts, ends, by_level, by_wet, everything, sums


for part in summary(readings(3000)):
    print(part)
