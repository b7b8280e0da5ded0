# pivot_table with several index columns is not supported yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"k": np.arange(n) % 3, "j": np.arange(n) % 2, "c": np.arange(n) % 4, "v": np.arange(n) * 1.5})
    return pd.pivot_table(df, index=["k", "j"], columns="c", values="v")


print(f(10))
