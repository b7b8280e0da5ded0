# tier2: Series.median and nunique skipping NaN, of int, float and bool columns, on a distributed frame
import numpy as np
import pandas as pd
import bodo


@bodo.jit(distributed=["df"])
def stats(df):
    m = df.math
    return m.median(), m.nunique(), df.chem.median(), df.chem.nunique(), df.flag.nunique()


@bodo.jit
def make(n):
    i = np.arange(n)
    return pd.DataFrame({"math": 40 + (i * 37) % 61, "chem": [np.nan if k % 5 == 0 else k * 0.5 for k in range(n)], "flag": i % 3 == 0})


df = make(201)
a, b, c, d, e = stats(df)
print(a, b, c, d, e)
