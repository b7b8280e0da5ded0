# tier2: Series of separately built RangeIndexes combined (labels checked equal at run time), a column from another Series of the same labels
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    a = pd.Series(np.arange(n) * 1.0, name="a")
    b = pd.Series(np.arange(n) % 3)
    df = pd.DataFrame({"x": np.arange(n)})
    df["y"] = b * 2
    return (a + b).sum(), a * b, df


s, p, df = f(7)
print(s)
print(p)
print(df)
