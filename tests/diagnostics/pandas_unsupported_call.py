# a pandas function bodoc lacks: one error on it, no follow-on errors from its result
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"A": np.arange(n), "B": np.ones(n)})
    s = df["A"].sum()
    df2 = pd.melt(df)
    return s + len(df2)


print(f(10))
