# Distinct values and rows: value_counts (sorted by count, ties in order of
# first appearance; sort=False, ascending, dropna), unique in order of
# appearance (NaN kept), nunique, drop_duplicates of frames and series,
# value_counts(normalize=True).
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def orders(n):
    i = np.arange(n)
    shops = ["north", "south", "east", "west", "port"]
    price = 5.0 + (i * 7) % 11
    price = np.where(i % 9 == 4, np.nan, price)
    return pd.DataFrame({
        "shop": [shops[(k * k + 3 * k) % 5] for k in range(n)],
        "item": (i * 13) % 6,
        "price": price,
        "rush": i % 4 == 0,
    })


@bodo.jit(distributed=["df"])
def report(df):
    by_shop = df.shop.value_counts()
    by_item = df.item.value_counts(sort=False)
    rare_first = df.item.value_counts(ascending=True)
    prices = df.price.value_counts(dropna=False).sort_index()
    shares = df.shop.value_counts(normalize=True)
    pairs = df[["shop", "rush"]].drop_duplicates(ignore_index=True)
    firsts = df.drop_duplicates(subset=["shop", "item"])
    return by_shop, by_item, rare_first, prices, pairs, firsts, shares


@bodo.jit(distributed=["df"])
def counts(df):
    seen_prices = df.price.unique()
    return (df.shop.nunique(), df.price.nunique(), df.price.nunique(dropna=False), len(seen_prices),
            df.item.drop_duplicates(), df.value_counts(subset=["rush"]))


df = orders(157)
by_shop, by_item, rare_first, prices, pairs, firsts, shares = report(df)
print(by_shop)
print(by_item)
print(rare_first)
print(prices)
print(pairs.sort_values(["shop", "rush"]))
print(firsts.sort_index().head(8))
print(len(firsts))
print(shares)
n_shops, n_prices, n_prices_nan, n_seen, items, rush = counts(df)
print(n_shops, n_prices, n_prices_nan, n_seen)
print(items)
print(rush)
print(sorted(df.shop.unique()), df.item.unique())
