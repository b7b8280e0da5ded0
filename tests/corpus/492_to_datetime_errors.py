# pd.to_datetime's errors: the format is the first value's, and a value
# that does not fit it is a ValueError naming its position, on every rank
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def parse(stamps):
    return pd.to_datetime(pd.Series(stamps))


@bodo.jit
def made(n, bad):
    stamps = [f"2024-05-{k % 28 + 1:02d}" if k != bad else "2024-05-01 10:00" for k in range(n)]
    return pd.to_datetime(pd.Series(stamps)).max()


@bodo.jit
def days(n):
    df = pd.DataFrame({"i": np.arange(n)})
    df["day"] = (df.i % 32 + 10).astype(str)
    return df


@bodo.jit(distributed=["df"])
def latest(df):
    return pd.to_datetime("2024-05-" + df.day).max()


@bodo.jit
def stamp(text):
    return pd.Timestamp(text)


good = [f"2024-05-{d:02d} 0{d % 10}:30" for d in range(1, 25)]
print(parse(good).tail(2))
cases = [
    good[:10] + ["2024-05-11"] + good[11:],
    good[:17] + ["2024-05-18 07:30:00"] + good[18:],
    ["2024-05-01"] * 12 + ["2024-02-30"] + ["2024-05-01"] * 5,
    ["2024-05-01"] * 15 + ["May 3rd"],
    ["not a date"] + good,
    ["2024-13-01 10:00"] + good,
]
for c in cases:
    try:
        print(parse(c).head(1))
    except ValueError as e:
        print("ValueError:", str(e).split(". You might")[0])
for bad in [-1, 0, 5, 29]:
    try:
        print(made(30, bad))
    except ValueError as e:
        print("ValueError:", str(e).split(". You might")[0])
for n in [20, 30]:
    try:
        print(latest(days(n)))
    except ValueError as e:
        print("ValueError:", str(e).split(". You might")[0])
for t in ["2024-05-01T10:07:08.25", "2024-05-32", "noon"]:
    try:
        print(stamp(t))
    except ValueError as e:
        print("ValueError:", e)
