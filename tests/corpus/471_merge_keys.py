# merge: several keys, str and float keys (NaN keys match each other), a replicated side
# joined in place (inner/left) or split and shuffled (right/outer), bool columns, suffixes
import numpy as np
import pandas as pd

import bodo


@bodo.jit(replicated=["t"])
def table():
    t = pd.DataFrame({
        "city": ["oslo", "rome", "lima", "oslo", "kyiv"],
        "year": np.array([2020, 2021, 2020, 2021, 2022]),
        "w": np.array([0.5, 1.5, 2.5, 3.5, 4.5]),
        "ok": np.array([True, False, True, True, False]),
    })
    return t


@bodo.jit(distributed=["df"])
def events(n):
    i = np.arange(n)
    cities = ["oslo", "rome", "lima", "nuuk"]
    df = pd.DataFrame({
        "city": [cities[k % 4] for k in range(n)],
        "year": 2020 + (i * 7) % 3,
        "w": (i % 5) + 0.5,
        "flag": i % 3 == 0,
    })
    return df


@bodo.jit(distributed=["df"])
def joins(df, t):
    both = df.merge(t, on=["city", "year"], suffixes=("_e", "_t"))
    both = both.sort_values(["city", "year", "w_e"]).reset_index(drop=True)
    plain = df[["city", "year", "w"]]
    left = plain.merge(t[["city", "year", "w"]], on=["city", "year"], how="left")
    right = plain.merge(t[["city", "year", "w"]], on=["city", "year"], how="right")
    outer = plain.merge(t[["city", "year", "w"]], on=["city", "year"], how="outer")
    by_w = pd.merge(df, t, left_on="w", right_on="w")
    return (both.head(8), len(both), len(left), left.w_y.isna().sum(), len(right),
            right.w_x.isna().sum(), len(outer), outer.w_x.sum(), len(by_w), by_w.year_y.sum())


@bodo.jit(replicated=["a", "b"])
def floats():
    a = pd.DataFrame({"k": np.array([1.0, np.nan, 2.0, np.nan]), "v": np.arange(4)})
    b = pd.DataFrame({"k": np.array([np.nan, 2.0, 3.0]), "u": np.arange(3) * 10})
    m = a.merge(b, on="k", how="outer").sort_values(["k", "v"]).reset_index(drop=True)
    return m


(head, n_both, n_left, no_table, n_right, no_event, n_outer, w_sum, n_w, years) = joins(events(40), table())
print(head)
print(n_both, n_left, no_table, n_right, no_event, n_outer, w_sum, n_w, years)
print(floats())
