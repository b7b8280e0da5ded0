# pd.Timestamp of an int (nanoseconds) is not supported
import pandas as pd

import bodo


@bodo.jit
def stamp(ns):
    return pd.Timestamp(ns)


print(stamp(0))
