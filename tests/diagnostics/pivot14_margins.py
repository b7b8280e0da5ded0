# pivot_table(margins=True) is not supported yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"k": np.arange(n) % 3, "c": np.arange(n) % 4, "v": np.arange(n) * 1.5})
    return df.pivot_table(index="k", columns="c", values="v", aggfunc="sum", margins=True)


print(f(10))
