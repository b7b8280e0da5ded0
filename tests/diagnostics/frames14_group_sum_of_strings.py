import numpy as np
import pandas as pd
import bodo


@bodo.jit
def work(n):
    df = pd.DataFrame({"k": np.arange(n) % 4, "v": np.arange(n) * 1.0})
    df["name"] = "n" + df.k.astype(str)
    return df.groupby("k").sum()


print(work(8))
