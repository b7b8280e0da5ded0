# tier2: NaT in datetime columns: last in sort_values either way (one and two keys, long columns too) and sort_index; dropped as a groupby key, by value_counts and nunique, skipped by min/max/count/first/last; one value to drop_duplicates and to merge keys (NaT matches NaT); NaT fills unmatched rows of a merge; pd.concat of datetime columns
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def events(n):
    # Five dates seen 13, 9, 7, 2 and 1 times in the first 40 rows, and
    # every fifth text without one: its piece is missing, so its time is NaT.
    days = [int(k % 2 == 0) + int(k % 4 == 0) + int(k % 7 == 0) + int(k % 9 == 0) for k in range(n)]
    texts = [f"e{k}|2024-0{j % 3 + 1}-{j * 6 + 1:02d}" if k % 5 != 2 else f"e{k}" for k, j in enumerate(days)]
    df = pd.DataFrame({"i": np.arange(n), "v": np.arange(n) % 4})
    df["d"] = pd.to_datetime(pd.Series(texts).str.split("|").str[1])
    return df


@bodo.jit(distributed=["df"])
def orders(df):
    # pandas sorts by one key with an unstable quicksort unless asked.
    up = df.sort_values("d", kind="stable")
    down = df.sort_values("d", ascending=False, kind="stable")
    two = df.sort_values(["v", "d"], ascending=[True, False])
    first = df.sort_values(["d", "v"], ascending=[False, True])
    by_index = df.drop_duplicates("d").set_index("d")
    return up.head(3), up.tail(9), down.tail(9), two.head(12), first.tail(9), by_index.sort_index(ascending=False)


@bodo.jit(distributed=["df"])
def groups(df):
    per_day = df.groupby("d")["v"].sum()
    per_v = df.groupby("v")["d"].agg(["count", "nunique", "min", "max", "first", "last"])
    keys = df.groupby(["v", "d"], as_index=False)["i"].count()
    counts = df["d"].value_counts()
    with_nat = df["d"].value_counts(dropna=False)
    return per_day, per_v, keys.head(5), len(keys), counts, with_nat.head(3), df["d"].nunique()


@bodo.jit(distributed=["df"])
def distinct(df):
    return df.drop_duplicates("d"), df.drop_duplicates(["v", "d"]).tail(6)


@bodo.jit(distributed=["df"])
def joined(df):
    texts = pd.Series(["a|2024-01-01", "b", "c|2024-03-13", "d|2025-05-05", "e|2024-02-25"])
    r = pd.DataFrame({"w": np.arange(5) * 1.5})
    r["d"] = pd.to_datetime(texts.str.split("|").str[1])
    r["when"] = r["d"]
    inner = df.merge(r[["d", "w"]], on="d").sort_values(["i", "w"]).reset_index(drop=True)
    outer = df.merge(r[["d", "w"]], on="d", how="outer").sort_values(["i", "w"]).reset_index(drop=True)
    left = df.merge(r[["when", "w"]], left_on="d", right_on="when", how="left").sort_values("i")
    return inner.head(6), len(inner), outer.tail(4), len(outer), left.head(7)


@bodo.jit(distributed=["df"])
def stacked(df):
    a = pd.concat([df[df.v == 2], df[df.v == 3]])
    b = pd.concat([df.head(4), df.tail(4)], ignore_index=True)
    return a.head(6), len(a), b


@bodo.jit(distributed=["df"])
def long_sort(df):
    up = df.sort_values("d", kind="stable")
    down = df.sort_values(["d", "i"], ascending=[False, False])
    return up.head(3), up.tail(3), down.head(3), down.tail(3), up.d.isna().sum()


df = events(40)
for part in orders(df):
    print(part)
for part in groups(df):
    print(part)
for part in distinct(df):
    print(part)
for part in joined(df):
    print(part)
for part in stacked(df):
    print(part)
for part in long_sort(events(5000)):
    print(part)
