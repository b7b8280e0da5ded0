# tier3: read_csv of paths computed at run time with names= and dtype= giving the schema, and a computed path to a missing file raising FileNotFoundError on every rank
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def load(name):
    path = "data/" + name
    return pd.read_csv(path, sep=";", header=None, skiprows=2, names=["station", "value", "flag"],
                       dtype={"station": str, "value": np.float64, "flag": str})


@bodo.jit(distributed=["df"])
def per_station(df):
    return df.groupby("station")["value"].sum().sort_index()


df = load("readings.txt")
print(per_station(df))
print(len(load("nope.txt")))
