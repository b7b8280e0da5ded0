# Whole-frame isna/notna (and their sums per column), Series.to_numpy, and
# Series.map with a dict variable (str -> int and int -> str).
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def readings(n):
    i = np.arange(n)
    temp = np.where(i % 4 == 1, np.nan, 15.0 + (i * 3) % 11)
    hum = np.where(i % 6 == 0, np.nan, 40.0 + (i * 7) % 30)
    rooms = ["hall", "lab", "office"]
    return pd.DataFrame({"id": i, "temp": temp, "hum": hum, "room": [rooms[k % 3] for k in range(n)]})


@bodo.jit(distributed=["df"])
def check(df):
    floors = {"hall": 0, "lab": 2, "office": 1}
    labels = {0: "ground", 1: "first", 2: "second"}
    missing = df.isna()
    present = df.notna().sum()
    floor = df.room.map(floors)
    where = floor.map(labels)
    return missing.head(4), missing.sum(), present, floor.sum(), where.head(4), df.temp.to_numpy()[:5]


m, m_sum, present, floors, where, temps = check(readings(23))
print(m)
print(m_sum)
print(present)
print(floors)
print(where)
print(temps)
