# dropping a column the frame does not have is a KeyError in pandas
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"a": np.arange(n), "b": np.ones(n)})
    return df.drop(columns=["c"])


print(f(4))
