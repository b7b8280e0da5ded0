# tier2: dropna/fillna on whole frames (float columns hold the NaN), Series.dropna, a frame with nothing missing, chained with masks
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make(n):
    i = np.arange(n)
    return pd.DataFrame({
        "id": i,
        "a": np.where(i % 4 == 1, np.nan, i * 0.5),
        "b": np.where(i % 6 == 2, np.nan, 10.0 - i),
        "who": ["w" + str(k % 3) for k in range(n)],
    })


@bodo.jit(distributed=["df"])
def clean(df):
    full = df.dropna()
    filled = df.fillna(0.25)
    ints = df[["id", "who"]].dropna()
    a = df.a.dropna()
    late = df[df.id > 10].dropna().fillna(-1.0)
    return full, filled.tail(4), len(ints), a.head(3), a.sum(), late, filled.a.sum()


for part in clean(make(23)):
    print(part)
