# tier2: groupby on several keys (a MultiIndex), as_index=False, agg with a dict and with named aggregations, size, sort_values/sort_index of the results, reset_index and set_index
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def orders(n):
    k = np.arange(n)
    qty = (k * 7) % 19 + 1
    df = pd.DataFrame({"region": k % 3, "channel": (k // 4 + k // 13) % 3 + 10, "qty": qty})
    df["year"] = 2020 + (k // 6) % 3
    df["price"] = 12.5 + (k % 20) * 1.5
    df["sales"] = df.price * df.qty
    return df


@bodo.jit(distributed=["df"])
def summaries(df):
    by_pair = df.groupby(["channel", "region"], as_index=False)["sales"].sum()
    by_pair = by_pair.sort_values(["channel", "region"], ascending=[True, False]).reset_index(drop=True)
    named = df.groupby("region", as_index=False).agg(
        units=("qty", "sum"),
        channels=("channel", "nunique"),
        rows=("qty", "count"),
        dearest=("price", "max"),
    )
    per_year = df.groupby(["region", "year"]).agg({"sales": "max", "qty": "sum", "price": "mean"})
    sizes = df.groupby(["year", "channel", "region"]).size()
    means = df.groupby(["region", "year"])["qty"].mean().reset_index()
    tops = df.groupby("year").agg("max").sort_values("sales", ascending=False)
    moved = per_year.reset_index().set_index("year").sort_index().head(4)
    return by_pair, per_year.sort_index(), named, sizes.head(7), len(sizes), sizes.sum(), means, tops, moved


for part in summaries(orders(2700)):
    print(part)
