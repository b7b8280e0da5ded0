# read_csv of a path computed at run time without names= and dtype=
import pandas as pd

import bodo


@bodo.jit
def load(year):
    return pd.read_csv("sales_" + str(year) + ".csv")


print(load(2024))
