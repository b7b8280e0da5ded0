# tier2: loc/iloc: label slices past the ends, negative and open position slices, masks with one or several columns, column positions and slices, on Series too
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make(n):
    i = np.arange(n)
    return pd.DataFrame({"k": i % 7, "x": i * 0.5, "name": ["r" + str(j) for j in range(n)], "ok": i % 3 == 0})


@bodo.jit(distributed=["df"])
def pick(df):
    a = df.loc[-5:3]
    b = df.loc[45:1000, ["name", "x"]]
    c = df.loc[30:20]
    d = df.iloc[-4:-1, 1:]
    e = df.iloc[:3, -1]
    f = df.iloc[:][["k"]].iloc[5:7]
    g = df.loc[df.ok, "name"]
    h = df.loc[df.k > 4, :]
    s = df.x.iloc[10:13]
    t = df.name.loc[df.k == 6]
    u = df.iloc[:, [2, 0]].loc[8:9]
    return a, b, len(c), d, e, f, g.head(3), h.tail(2), s, t.tail(2), u


for part in pick(make(50)):
    print(part)
