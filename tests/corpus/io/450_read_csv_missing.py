# tier3: read_csv of a file with missing values: an int column with gaps is float64, str columns hold NaN; quoted fields, NA markers, usecols/dtype/nrows/skiprows options
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def load():
    return pd.read_csv("data/people.csv")


@bodo.jit
def some_columns():
    df = pd.read_csv("data/people.csv", usecols=[0, 3, 4], dtype={"score": np.float64, "member": np.bool_}, nrows=7)
    return df


@bodo.jit
def skipping():
    return pd.read_csv("data/people.csv", skiprows=[1, 2, 5], nrows=4)


@bodo.jit
def headerless():
    return pd.read_csv("data/readings.txt", sep=";", header=None, skiprows=2, names=["station", "value", "flag"])


@bodo.jit(distributed=["df"])
def summary(df):
    print(df.shape, df.age.sum(), df.age.isna().sum(), df.name.count(), df.city.isna().sum())
    print(df.head(8))
    print(df.tail(3))
    return df.score.sum(), df.member.sum()


df = load()
total, members = summary(df)
print(total, members)
print(some_columns())
print(skipping())
r = headerless()
print(r.shape, r.value.sum(), list(r.columns))
print(r.head())
