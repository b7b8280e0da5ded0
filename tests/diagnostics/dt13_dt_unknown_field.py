# a Series.dt field bodoc does not have
import pandas as pd

import bodo


@bodo.jit
def weeks():
    s = pd.to_datetime(pd.Series(["2024-01-05", "2024-03-01"]))
    return s.dt.week


print(weeks())
