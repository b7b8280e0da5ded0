# a datetime column compared with an int
import pandas as pd

import bodo


@bodo.jit
def recent():
    s = pd.to_datetime(pd.Series(["2024-01-05", "2024-03-01"]))
    return (s > 20240101).sum()


print(recent())
