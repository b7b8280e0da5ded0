# renaming a column to the name of another would repeat it
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"a": np.arange(n), "b": np.ones(n)})
    return df.rename(columns={"a": "b"})


print(f(4))
