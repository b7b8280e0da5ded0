# DataFrame.round() of a dict whose key is no literal column name
import bodo
import pandas as pd
import numpy as np


@bodo.jit
def f(n, c):
    df = pd.DataFrame({"a": np.arange(n) / 7.0})
    return df.round({c: 1})


print(f(10, "a"))
