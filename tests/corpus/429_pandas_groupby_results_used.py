# tier2: groupby results used as frames (new columns, masks, head, len), len of a groupby, median, agg with a list of names, size names, empty groups, ignore_index sorts, and groupby/sort in driver code
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def visits(n):
    i = np.arange(n)
    stay = ((i * 13) % 17) * 1.5
    stay = np.where(i % 9 == 4, np.nan, stay)
    return pd.DataFrame({"ward": (i * 7) % 5, "night": i % 2 == 1, "stay": stay, "visit": i})


@bodo.jit(distributed=["df"])
def report(df):
    r = df.groupby("ward").agg(total=("stay", "sum"), n=("visit", "count"), mid=("stay", "median"))
    r["avg"] = r["total"] / r["n"]
    long = r[r.avg > 12.0]
    spread = df.groupby("ward")["stay"].agg(["min", "max", "median", "size"])
    sizes = df.groupby("night", as_index=False).size()
    named = df.groupby("night")["visit"].size()
    none = df[df.visit > 10000].groupby("ward")["stay"].sum()
    ranked = df.sort_values(["stay", "visit"], ascending=[False, True], ignore_index=True).head(4)
    pairs = df.groupby(["ward", "night"])
    return r, long, len(long), spread, sizes, named, none, len(none), ranked, len(pairs)


for part in report(visits(300)):
    print(part)
small = visits(20)
print(small.groupby(["night", "ward"])["stay"].max().head(6))
print(small.sort_values("visit", ascending=False).head(3))
