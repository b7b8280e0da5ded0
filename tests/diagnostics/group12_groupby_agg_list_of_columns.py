# a list of aggregations of a whole groupby would make MultiIndex columns, which are not supported yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    i = np.arange(n)
    df = pd.DataFrame({"k": i % 3, "v": i * 1.5, "w": i})
    return df.groupby("k").agg(["sum", "mean"])


print(f(10))
