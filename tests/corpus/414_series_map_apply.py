# tier2: Series.map/apply with lambdas (reading enclosing variables), plain functions and str methods; results of other types, used in frames and reductions
import numpy as np
import pandas as pd

import bodo


def bracket(x):
    if x < 20000.0:
        return x * 0.1
    return 2000.0 + (x - 20000.0) * 0.25


@bodo.jit
def make(n):
    i = np.arange(n)
    return pd.DataFrame({"income": 8000.0 + ((i * 7919) % 1000) * 95.0, "kids": (i * 3) % 5,
                         "state": [["CA", "NY", "TX", "WA"][k % 4] for k in range(n)]})


@bodo.jit(distributed=["df"])
def compute(df, rate):
    tax = df.income.apply(lambda x: bracket(x))
    credit = df.kids.map(lambda k: 500.0 * k * rate if k < 3 else 1500.0 + 250.0 * (k - 3))
    region = df.state.map(lambda s: "west" if s == "CA" or s == "WA" else "east")
    out = pd.DataFrame({"tax": tax, "credit": credit, "region": region, "low": df.state.map(str.lower),
                        "t2": df.income.map(bracket), "big": df.kids.apply(lambda k: k >= 3),
                        "code": df.state.apply(len) * 10})
    return out, tax.sum(), (region == "west").sum(), out.big.sum()


out, tax, west, big = compute(make(41), 0.5)
print(out.head(9))
print(out.tail(3))
print(tax, west, big)
