# a row of a pivot_table result by label: its columns are known only at run time
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"k": np.arange(n) % 3, "c": np.arange(n) % 4, "v": np.arange(n) * 1.5})
    p = df.pivot_table(index="k", columns="c", values="v")
    return p.loc[1]


print(f(10))
