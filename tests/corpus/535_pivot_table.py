# tier2: pivot_table with int and str index/columns, each aggfunc (the default mean, sum, count, min, max, std, median, nunique, first), missing cells as NaN or a fill_value, int tables that stay int, NaN values dropped, a long table cut when printed, negative int column labels, len, shape, columns, index and sort_index, printed in jit code and in the driver
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def sales(n):
    i = np.arange(n)
    regions = ["north", "south", "east", "west", "centre"]
    return pd.DataFrame({
        "region": [regions[(k * 7) % 5] for k in range(n)],
        "year": 2020 + (i * 3) % 4,
        "units": (i * 13) % 17,
        "price": 1.5 + ((i * 29) % 40) * 0.25,
    })


@bodo.jit(distributed=["df"])
def tables(df):
    # every (region, year) pair has rows: an int table stays int
    units = df.pivot_table(index="region", columns="year", values="units", aggfunc="sum")
    mean_price = pd.pivot_table(df, index="year", columns="region", values="price")
    print(mean_price)
    # few rows: pairs without any are NaN, and an int table becomes float
    sub = df[(df.units > 13) & (df.price > 8.0)]
    counts = sub.pivot_table(index="year", columns="region", values="units", aggfunc="count")
    cheapest = sub.pivot_table(index="region", columns="year", values="price", aggfunc="min")
    most = pd.pivot_table(sub, values="units", index=["region"], columns="year", aggfunc="max")
    return units, mean_price.sort_index(), counts, cheapest, most, len(units), len(counts)


@bodo.jit(distributed=["df"])
def long_table(df):
    out = df[["year", "price"]]
    out["bucket"] = np.arange(len(out)) % 70
    return out.pivot_table(index="bucket", columns="year", values="price", aggfunc="sum")


@bodo.jit
def with_nan():
    df = pd.DataFrame({
        "k": [-1, -1, 2, 2, 10, 10],
        "c": ["a", "b", "a", "c", "c", "a"],
        "v": [1.0, np.nan, 2.5, np.nan, np.nan, np.nan],
    })
    mean = df.pivot_table(index="k", columns="c", values="v", aggfunc="mean")
    count = df.pivot_table(index="k", columns="c", values="v", aggfunc="count")
    total = df.pivot_table(index="c", columns="k", values="v", aggfunc="sum")
    zeros = df.pivot_table(index="k", columns="c", values="v", aggfunc="count", fill_value=0)
    halves = df.pivot_table(index="k", columns="c", values="v", aggfunc="mean", fill_value=-0.5)
    return mean, count, total, zeros, halves


@bodo.jit(distributed=["df"])
def spread(df):
    return (
        df.pivot_table(index="year", columns="region", values="price", aggfunc="std"),
        df.pivot_table(index="region", columns="year", values="units", aggfunc="median"),
        df.pivot_table(index="year", columns="region", values="units", aggfunc="nunique"),
        df.pivot_table(index="year", columns="region", values="units", aggfunc="first"),
    )


df = sales(500)
units, mean_price, counts, cheapest, most, n_units, n_counts = tables(df)
print(units)
print(mean_price)
print(counts)
print(cheapest)
print(most)
print(n_units, n_counts, len(most), most.shape, cheapest.shape)
print(units.columns)
print(units.index)
print(list(counts.columns), [y + 1 for y in counts.index])
print(long_table(df))
for t in with_nan():
    print(t)
for t in spread(df):
    print(t)
