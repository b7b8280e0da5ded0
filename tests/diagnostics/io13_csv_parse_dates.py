# parse_dates= would make a datetime column, which bodoc has no type for yet
import pandas as pd

import bodo


@bodo.jit
def load(path):
    return pd.read_csv(path, names=["when", "v"], dtype={"v": float}, parse_dates=["when"])


print(load("events.csv"))
