# tier2: sort_values on one key (no ties), several keys with an ascending list, descending, NaN last both ways, sort_index of frames and series, sorted frames keep their labels
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def scores(n):
    i = np.arange(n)
    pts = ((i * 7919) % 1009) * 0.5
    pts = np.where(i % 13 == 5, np.nan, pts)
    return pd.DataFrame({
        "id": i + 100,
        "team": (i * 5 + i // 7) % 6,
        "pts": pts,
        "won": i % 4 == 1,
        "rank": (i * 37) % n,
    })


@bodo.jit(distributed=["df"])
def boards(df):
    top = df.sort_values("rank").head(5)
    low = df.sort_values("rank", ascending=False).head(4)
    by_team = df.sort_values(["team", "pts", "id"], ascending=[True, False, True])
    nan_last = df.sort_values(["pts", "id"]).tail(3)
    nan_last_desc = df.sort_values(["pts", "id"], ascending=False).tail(3)
    back = by_team.sort_index().head(4)
    s = df.pts.sort_values(ascending=False).head(6)
    s2 = df["rank"].sort_values().sort_index(ascending=False).head(3)
    flags = df.sort_values(["won", "rank"]).head(3)
    return top, low, by_team.head(6), by_team.tail(3), nan_last, nan_last_desc, back, s, s2, flags


df = scores(500)
for part in boards(df):
    print(part)
small = df.head(12).sort_values(["team", "id"], ascending=[False, False])
print(small)
print(small.sort_index())
