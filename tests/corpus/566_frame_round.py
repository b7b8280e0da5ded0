# tier2: DataFrame.round(k) and round({col: k}): number columns rounded (ints at negative decimals), other columns kept, on computed and described frames
import bodo
import pandas as pd
import numpy as np


@bodo.jit
def f(n):
    df = pd.DataFrame({
        "a": np.arange(n) / 7.0 - 3.0,
        "b": np.arange(n) * 37 % 1000,
        "c": ["k" + str(i % 4) for i in range(n)],
        "d": np.arange(n) % 3 == 0,
        "e": (np.arange(n) * 1.25) ** 1.5,
    })
    r = df.round(2)
    print(r.head(6))
    print(df.round().tail(4))
    print(df.round(decimals=1).iloc[10:14])
    print(df.round(-2)[["b", "e"]].head(5))
    print(df.describe().round(3))
    print(df.round({"a": 1, "e": 0, "c": 2, "zz": 3}).head(4))
    print(df.round(decimals={"b": -1, "a": 3, "a": 2}).tail(3))
    g = df.groupby("c")[["a", "e"]].mean().round(1).sort_index()
    print(g)
    df["f"] = df["a"] * 2
    k = 3
    s = df[["a", "f"]].round(k)
    return float(s["f"].sum()), len(r)


print(f(200))
