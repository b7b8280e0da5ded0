# tier3: read_parquet with columns= of a file and of a directory of part files (nulls in a str column are NaN, in a float column NaN), and to_parquet read back
import pandas as pd

import bodo


@bodo.jit
def load():
    a = pd.read_parquet("data/orders.pq", columns=["shop", "amount"])
    b = pd.read_parquet("data/orders_parts")
    return a, b


@bodo.jit(distributed=["b"])
def report(b):
    print(len(b), b.order.sum(), b.amount.sum(), b.shop.isna().sum(), b.paid.sum())
    print(b.iloc[18:22])
    g = b.groupby("shop", as_index=False).agg(n=("order", "count"), amount=("amount", "sum"))
    g = g.sort_values("shop").reset_index(drop=True)
    g.to_parquet("out/by_shop.pq")
    b[b.paid].to_parquet("out/paid.pq", index=False)
    return g


@bodo.jit
def again():
    return pd.read_parquet("out/by_shop.pq"), pd.read_parquet("out/paid.pq")


a, b = load()
print(a.head(4))
print(list(a.columns), len(a))
print(report(b))
g, paid = again()
print(g)
print(len(paid), paid.amount.sum(), paid.shop.isna().sum())
print(paid.head(4))
