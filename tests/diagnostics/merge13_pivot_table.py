# pivot_table makes columns from the data's values, which bodoc's frame types cannot hold yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    a = pd.DataFrame({"k": np.arange(n) % 3, "c": np.arange(n) % 2, "x": np.arange(n) * 2.0})
    return a.pivot_table(index="k", columns="c", values="x", aggfunc="sum")


print(f(6))
