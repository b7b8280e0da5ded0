# tier2: sorts and groupby on str columns: several keys mixing str and numbers, descending, str values carried and aggregated (count, nunique, first, last, min, max), set_index on a str column
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make(n):
    i = np.arange(n)
    cities = ["Oslo", "Lima", "Pune", "Kyiv", "Apia"]
    names = ["ann", "bob", "cy", "dee", "eve", "fay", "gus"]
    return pd.DataFrame({"city": [cities[(k * 7) % 5] for k in range(n)],
                         "who": [names[(k * 3) % 7] + str(k % 4) for k in range(n)],
                         "amt": ((i * 37) % 101) * 0.5, "k": i % 3, "tag": ["t" + str(k) for k in range(n)]})


@bodo.jit(distributed=["df"])
def work(df):
    by_city = df.groupby("city").agg(n=("amt", "count"), total=("amt", "sum"), people=("who", "nunique"),
                                     first=("who", "first"), last=("who", "last"), lo=("who", "min"), hi=("who", "max"))
    two = df.groupby(["city", "k"])["amt"].mean()
    ranked = df.sort_values(["city", "amt", "who"], ascending=[False, True, True]).head(8)
    names = df.sort_values(["who", "amt", "k"]).tail(5)
    idx = df.set_index("tag").sort_index().head(4)
    flat = df.groupby("city", as_index=False)["amt"].max().sort_values("amt")
    return by_city, two.head(7), ranked, names, idx, flat


for part in work(make(61)):
    print(part)
