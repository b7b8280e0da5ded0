# tier2: str columns: built from lists, compared with strings and with each other, masks, head/tail, distributed and gathered
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def people(n):
    i = np.arange(n)
    first = ["ann", "bob", "cy", "dee", "ed", "flo", "gus"]
    city = ["Oslo", "Lima", "Pune", "Oslo", "Kyiv"]
    df = pd.DataFrame({
        "id": i,
        "name": [first[k % 7] + str(k) for k in range(n)],
        "city": [city[(k * 3) % 5] for k in range(n)],
        "home": [city[(k * 2) % 5] for k in range(n)],
        "score": (i * 37 % 101) / 4.0,
    })
    return df


@bodo.jit(distributed=["df"])
def pick(df):
    oslo = df[df.city == "Oslo"]
    moved = df[df.city != df.home]
    late = df[(df.name > "e") & (df.score < 10.0)]
    early = df[df["city"] <= "Lima"]
    return oslo, moved, late, early, len(moved), late.score.sum()


@bodo.jit
def names(df):
    return df[["name", "city"]].tail(3), df.name.head(4)


df = people(97)
print(df)
oslo, moved, late, early, n_moved, late_sum = pick(df)
print(oslo.head(7))
print(moved.tail())
print(late)
print(early.shape, n_moved, late_sum)
t, s = names(df)
print(t)
print(s)
