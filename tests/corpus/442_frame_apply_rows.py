# tier2: DataFrame.apply(f, axis=1) of lambdas reading the row's columns by attribute and by key (numbers and strings), on filtered frames too
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make(n):
    i = np.arange(n)
    return pd.DataFrame({"qty": (i * 7) % 11, "price": 2.5 + (i % 4) * 1.25,
                         "sku": ["s" + str(k % 6) for k in range(n)], "vip": i % 5 == 0})


@bodo.jit(distributed=["src"])
def enrich(src, fee):
    df = src.copy()
    df["total"] = df.apply(lambda r: r.qty * r["price"] + (0.0 if r.vip else fee), axis=1)
    df["label"] = df.apply(lambda r: r.sku + ":" + str(r.qty), axis=1)
    big = df[df.total > 20.0]
    flag = big.apply(lambda r: r["qty"] > 8 and not r["vip"], axis="columns")
    return df, flag.sum(), big.total.sum()


df, n_flag, big_total = enrich(make(33), 1.5)
print(df.head(10))
print(n_flag, big_total)
