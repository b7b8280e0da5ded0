# an unsupported Series method whose result a column store keeps, read by a later groupby: its own message, not a failure to converge
import pandas as pd

import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"k": [1, 2, 3], "v": ["a b", "c", "d e"]})
    df["w"] = df["v"].str.split(" ").str[1].ffill()
    print(df.groupby("w")["k"].sum())


f(1)
