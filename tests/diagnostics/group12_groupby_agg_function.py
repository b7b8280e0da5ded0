# agg() with a function (not the name of an aggregation) is not supported yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    i = np.arange(n)
    df = pd.DataFrame({"k": i % 3, "v": i * 1.5})
    return df.groupby("k").agg({"v": np.sum})


print(f(10))
