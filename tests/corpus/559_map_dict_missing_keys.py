# tier2: Series.map(d) of a dict lacking some values gives missing values (NaN) as pandas does: str and float values, str and int keys, missing in the first and last rows and in every row, int values all found; then upper, isna/count, sums and means skipping NaN, groupby keys, value_counts, dropna, on distributed data
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def small(n):
    df = pd.DataFrame({"code": ["zz", "fr", "de", "it", "qq"], "n": np.arange(5)})
    names = {"fr": "France", "de": "Germany", "it": "Italy"}
    rates = {"fr": 0.2, "de": 0.19, "it": 0.22}
    nobody = {"xx": "none"}
    digits = {0: "zero", 1: "one", 3: "three"}
    df["name"] = df.code.map(names)
    df["rate"] = df.code.map(rates)
    df["word"] = df.n.map(digits)
    df["upper"] = df.name.str.upper()
    df["nobody"] = df.code.map(nobody)
    return df


@bodo.jit
def make(n):
    codes = ["fr", "de", "it", "es", "xx", "pt", "nl"]
    return pd.DataFrame({"id": np.arange(n), "code": [codes[(k * 5) % 7] for k in range(n)], "qty": (np.arange(n) % 9) + 1})


@bodo.jit(distributed=["df"])
def enrich(df):
    names = {"fr": "France", "de": "Germany", "it": "Italy", "es": "Spain"}
    rates = {"fr": 0.2, "de": 0.19, "it": 0.22, "pt": 0.23}
    ranks = {"fr": 1, "de": 2, "it": 3, "es": 4, "xx": 5, "pt": 6, "nl": 7}
    name = df.code.map(names)
    rate = df.code.map(rates)
    out = pd.DataFrame({"id": df.id, "code": df.code, "name": name, "rate": rate, "rank": df.code.map(ranks),
                        "tax": df.qty * rate})
    by_name = out.groupby("name")["tax"].sum()
    return out, by_name, name.value_counts(), out.dropna(), name.isna().sum(), rate.count(), rate.mean(), out.tax.sum()


df = small(1)
print(df)
print(df.name.isna().sum(), df.rate.isna().sum(), df.word.notna().sum(), df.nobody.isna().sum())
out, by_name, vc, kept, missing, rates, mean, total = enrich(make(210))
print(out.head(9))
print(out.tail(5))
print(by_name)
print(vc)
print(kept.head(6))
print(len(kept), missing, rates, mean, total)
