# sort_values(na_position="first") is not supported yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    i = np.arange(n)
    df = pd.DataFrame({"k": i % 3, "v": i * 1.5})
    return df.sort_values("v", na_position="first")


print(f(10))
