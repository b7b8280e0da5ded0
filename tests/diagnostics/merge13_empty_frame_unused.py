# pd.DataFrame() of no columns that no concatenation gives columns to
import pandas as pd
import bodo


@bodo.jit
def f():
    df = pd.DataFrame()
    return len(df)


print(f())
