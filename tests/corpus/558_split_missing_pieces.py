# tier2: pieces a value lacks are missing (NaN): s.str.split(sep).str[i] / .str.get(i) / negative i past the start, through a held split too, rsplit with n, .str[i] of characters past the end; missing in the first and last rows, in every row (counted); then upper, isna/notna/count, comparisons, + of strings, groupby keys, value_counts, dropna, on distributed data
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def small(n):
    df = pd.DataFrame({"k": np.arange(5), "v": ["solo", "a b", "c d e", "f g h i", "last"]})
    df["second"] = df.v.str.split(" ").str[1]
    df["third"] = df.v.str.split(" ").str.get(2)
    df["back3"] = df.v.str.split(" ").str[-3]
    df["ch4"] = df.v.str[4]
    df["ch_5"] = df.v.str.get(-5)
    parts = df.v.str.rsplit(" ", n=1)
    df["head"] = parts.str[0]
    df["rest"] = parts.str[1]
    # No value has an eighth piece (pandas' all-missing result is float64: only counted here).
    none = df.v.str.split(" ").str[7]
    return df, none.isna().sum(), none.notna().sum()


@bodo.jit
def make(n):
    words = ["alpha", "beta gamma", "delta epsilon zeta", "eta", "theta iota"]
    return pd.DataFrame({"id": np.arange(n), "text": [words[(k * 7) % 5] + (" x" if k % 11 == 0 else "") for k in range(n)]})


@bodo.jit(distributed=["df"])
def parse(df):
    second = df.text.str.split(" ").str[1]
    last2 = df.text.str.split(" ").str.get(-2)
    out = pd.DataFrame({"id": df.id, "second": second, "up": second.str.upper(), "last2": last2,
                        "tagged": second + "!", "is_x": second == "x", "missing": second.isna()})
    counts = out.groupby("second")["id"].count()
    return out, counts, second.value_counts(), out.dropna(), second.notna().sum(), second.count()


df, none_missing, none_present = small(1)
print(df)
print(df.second.isna().sum(), df.rest.notna().sum(), none_missing, none_present)
out, counts, vc, kept, present, count = parse(make(200))
print(out.head(12))
print(out.tail(6))
print(counts)
print(vc)
print(kept.head(5))
print(len(kept), present, count)
print(out.missing.sum(), out.is_x.sum())
