# rename(inplace=True) changes the frame in place, which is not supported
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"a": np.arange(n)})
    df.rename(columns={"a": "b"}, inplace=True)
    return df


print(f(3))
