# adding a column to a DataFrame argument would change the caller's frame in pandas
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def add_total(df):
    df["total"] = df.a + df.b
    return df.total.sum()


@bodo.jit
def f(n):
    df = pd.DataFrame({"a": np.arange(n), "b": np.ones(n)})
    return add_total(df)


print(f(3))
