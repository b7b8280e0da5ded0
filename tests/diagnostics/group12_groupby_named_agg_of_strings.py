# a named aggregation summing a column of strings is the same error as groupby().sum() of one
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"k": np.arange(n) % 3})
    df["name"] = "n" + df.k.astype(str)
    return df.groupby("k").agg(total=("name", "sum"))


print(f(10))
