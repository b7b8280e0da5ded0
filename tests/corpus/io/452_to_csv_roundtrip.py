# tier3: DataFrame.to_csv with and without the index (a RangeIndex, a filtered frame's labels, a named index from groupby), quoting and missing values, read back with read_csv
import pandas as pd

import bodo


@bodo.jit
def export():
    df = pd.read_csv("data/people.csv")
    df.to_csv("out/all.csv", index=False)
    df[df.score > 10.0][["name", "city", "score"]].to_csv("out/high.csv")
    totals = df.groupby("member")["score"].sum()
    per = df.groupby("member", as_index=False).agg(total=("score", "sum"), people=("name", "count"))
    per.set_index("member").to_csv("out/per_member.csv")
    return len(df), totals


@bodo.jit
def back():
    a = pd.read_csv("out/all.csv")
    h = pd.read_csv("out/high.csv")
    p = pd.read_csv("out/per_member.csv")
    return a, h, p


n, totals = export()
a, h, p = back()
print(n, len(a), list(a.columns), a.age.sum(), a.city.isna().sum())
print(a.head(6))
print(list(h.columns), len(h))
print(h.head())
print(p.sort_values("member").reset_index(drop=True))
print(totals)
