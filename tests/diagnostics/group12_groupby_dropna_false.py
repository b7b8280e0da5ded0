# groupby(dropna=False) (NaN keys as a group) is not supported yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    i = np.arange(n)
    df = pd.DataFrame({"k": i % 3 * 0.5, "v": i * 1.5})
    return df.groupby("k", dropna=False)["v"].sum()


print(f(10))
