# datetime64 columns: dates only and date-times, Series.dt fields, Timestamp
# comparisons on either side, min/max, sorts and groupby keys of datetimes
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def visits(n):
    days = [f"2024-{(k * 5) % 12 + 1:02d}-{(k * 3) % 28 + 1:02d}" for k in range(n)]
    times = [f"2024-02-{k % 29 + 1:02d} {(k * 7) % 24:02d}:{(k * 11) % 60:02d}" for k in range(n)]
    df = pd.DataFrame({"id": np.arange(n), "day": pd.to_datetime(pd.Series(days)), "ts": pd.to_datetime(pd.Series(times))})
    return df


@bodo.jit(distributed=["df"])
def fields(df):
    return pd.DataFrame({
        "q": df.day.dt.quarter,
        "minute": df.ts.dt.minute,
        "second": df.ts.dt.second,
        "wd": df.ts.dt.weekday,
    })


@bodo.jit(distributed=["df"])
def report(df):
    early = df[pd.Timestamp("2024-04-01") > df.day]
    same = df[df.day == pd.Timestamp("2024-06-10")]
    latest = df.sort_values("ts", ascending=False).head(3)
    per_day = df.groupby("day")["id"].count().sort_index().head(4)
    return len(early), len(same), df.day.min(), df.ts.max(), latest, per_day


df = visits(40)
print(df.head(3))
print(df.day.head(3))
print(fields(df).head(5))
n_early, n_same, first, last, latest, per_day = report(df)
print(n_early, n_same, first, last, first < last)
print((first, last))
print(latest)
print(per_day)
t = pd.Timestamp("2024-02-29")
print(t, t == pd.Timestamp("2024-02-29 00:00:00"), t != first)
try:
    pd.Timestamp("2024-02-30")
except ValueError as e:
    print("ValueError:", e)
