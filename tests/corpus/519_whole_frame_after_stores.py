# Operations over every column (isna, dropna, fillna, reductions, groupby aggregations) of a frame that just gained columns see the new columns too.
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def work(n):
    out = pd.DataFrame({"id": np.arange(n), "x": np.where(np.arange(n) % 5 == 0, np.nan, 1.0)})
    out["prev"] = out.x.shift(1)
    out["roll"] = out.id.rolling(3).mean()
    out["twice"] = out.x * 2
    print(out.isna().sum())
    print(out.dropna().shape)
    print(out.fillna(-1.0).head(3))
    print(out.mean())
    out["grp"] = out.id % 3
    print(out.groupby("grp").sum())
    print(out.groupby("grp").agg("max"))
    return out.notna().sum()


print(work(20))
