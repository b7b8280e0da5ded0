# df.fillna({...}) giving a str column a number and a float column a string (pandas would make object columns)
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def fill(n):
    df = pd.DataFrame({"x": np.where(np.arange(n) % 2 == 0, np.nan, 1.0), "s": ["a", "b"] * (n // 2)})
    return df.fillna({"s": 0, "x": "-", "other": 1})


print(fill(4))
