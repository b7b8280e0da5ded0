# tier2: nlargest/nsmallest of frames (one column, a list, ties kept in order) and Series, as stable sorts then head
import bodo
import pandas as pd
import numpy as np


@bodo.jit
def f(n):
    df = pd.DataFrame({
        "id": np.arange(n),
        "score": (np.arange(n) * 37) % 23,
        "w": (np.arange(n) % 7) * 0.5,
        "tag": ["t" + str(i % 4) for i in range(n)],
    })
    print(df.nlargest(5, "score"))
    print(df.nsmallest(4, "score"))
    print(df.nlargest(6, ["score", "w"]))
    print(df.nsmallest(n=3, columns="w"))
    print(df["w"].nlargest(4))
    print(df["score"].nsmallest(5))
    print(df["w"].nlargest())
    print(df[df["tag"] == "t1"].nlargest(3, "w"))
    top = df.nlargest(10, "score")
    return int(top["id"].sum())


print(f(120))
