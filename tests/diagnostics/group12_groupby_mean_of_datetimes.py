# arithmetic aggregations of a datetime column (pandas: a TypeError, or a datetime mean) are a clear error
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"k": np.arange(n) % 3})
    df["d"] = pd.to_datetime(pd.Series([f"2024-01-{k + 1:02d}" for k in range(n)]))
    return df.groupby("k")["d"].mean()


print(f(10))
