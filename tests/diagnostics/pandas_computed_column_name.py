# a column name computed at run time: column names are part of a DataFrame's type
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"a": np.arange(n)})
    for k in range(2):
        df["c" + str(k)] = df.a * k
    return len(df)


print(f(3))
