# Renaming and dropping columns (columns=, mapper with axis=1, labels with
# axis="columns"), renaming a Series, and the renamed frame's later use.
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def readings(n):
    i = np.arange(n)
    return pd.DataFrame({"sensor_id": i % 4, "temp_c": 20.0 + (i * 3) % 9, "raw": i * 10, "note": i % 2 == 0})


@bodo.jit(distributed=["df"])
def tidy(df):
    a = df.rename(columns={"sensor_id": "sensor", "temp_c": "temp", "missing": "ignored"})
    b = a.drop(columns=["raw"])
    c = b.drop("note", axis="columns")
    d = df.rename({"raw": "raw_value"}, axis=1).drop(["note", "temp_c"], axis=1)
    hot = c[c.temp > 24.0].temp.rename("hot")
    c["temp_f"] = c.temp * 1.8 + 32.0
    return list(a.columns), list(b.columns), c, d.head(3), hot.head(3), c.groupby("sensor").temp_f.max()


cols_a, cols_b, c, d, hot, warmest = tidy(readings(30))
print(cols_a)
print(cols_b)
print(c.head())
print(d)
print(hot)
print(warmest)
