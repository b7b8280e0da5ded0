# a column of a pivot_table result: its columns are known only at run time
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"k": np.arange(n) % 3, "c": np.arange(n) % 4, "v": np.arange(n) * 1.5})
    p = df.pivot_table(index="k", columns="c", values="v")
    return p.columns


print(f(10))
