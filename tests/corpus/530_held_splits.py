# tier2: a split Series held in a variable (parts = s.str.split(...)) read as parts.str[i], .str[-1], .str.get(i), .str.len(), .str.join(sep); split with pat=/n=, rsplit with n, multi-character patterns, a variable pattern with regex=False, one variable feeding two frames
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make(n):
    hosts = ["db-1.eu.example.org", "web.us.example.com", "cache-7.ap.example.net", "api.example.io"]
    users = ["ann", "bo", "cyd", "dee", "eli"]
    return pd.DataFrame({
        "id": np.arange(n),
        "path": ["/srv/" + users[k % 5] + "/logs/" + str(k % 7) + ".txt" for k in range(n)],
        "host": [hosts[k % 4] for k in range(n)],
        "kv": [users[k % 5] + " = " + str(k * 3 % 11) + " = x" + str(k) for k in range(n)],
    })


@bodo.jit(distributed=["df"])
def parse(df, sep, k):
    pieces = df.path.str.split("/")
    labels = df.host.str.split(".", n=1)
    tail = df.host.str.rsplit(".", n=2)
    pairs = df.kv.str.split(pat=" = ")
    cut = df.kv.str.split(sep, n=k, regex=False)
    first = pd.DataFrame({
        "id": df.id,
        "user": pieces.str[2],
        "file": pieces.str[-1],
        "depth": pieces.str.len(),
        "name": labels.str[0].str.upper(),
        "domain": labels.str.get(1),
        "site": tail.str[0],
        "tld": tail.str[-1],
    })
    second = pd.DataFrame({
        "id": df.id,
        "key": pairs.str[0],
        "value": pairs.str[1].astype(np.int64),
        "parts": pairs.str.len(),
        "joined": pieces.str.join("|"),
        "rest": cut.str[-1],
        "n_cut": cut.str.len(),
    })
    return first, second


@bodo.jit(distributed=["first", "second"])
def summary(first, second):
    return (first.depth.sum(), (first.name == "API").sum(), second.value.sum(), second.n_cut.max(),
            first.user.value_counts())


first, second = parse(make(40), " = ", 1)
print(first.head(6))
print(second.iloc[35:40])
print(*summary(first, second))
