# arithmetic on a datetime column
import pandas as pd

import bodo


@bodo.jit
def later():
    s = pd.to_datetime(pd.Series(["2024-01-05", "2024-03-01"]))
    return s + 1


print(later())
