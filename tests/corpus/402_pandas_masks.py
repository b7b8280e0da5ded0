# tier2: boolean masks (also read from a selection: df[mask].A) of DataFrames and Series (a Series of the frame, a column's mask), the selected rows keep their labels at any rank count; head/tail/len/reductions of the selection
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def build(n):
    df = pd.DataFrame({"id": np.arange(n), "amount": (np.arange(n) * 37 % 101) * 1.25, "flag": np.arange(n) % 4 == 0})
    return df


@bodo.jit(distributed=["df"])
def big_ones(df, t):
    sel = df[df.amount > t]
    flagged = df[df.flag]
    s = df.amount[df.id % 3 == 0]
    return sel, flagged.head(3), s.tail(4), len(sel), sel.amount.sum(), s.mean()


df = build(90)
sel, fl, s, n, tot, m = big_ones(df, 100.0)
print(sel)
print(fl)
print(s)
print(n, tot, m)
print(sel.tail(3))


@bodo.jit(distributed=["df"])
def chained(df):
    big = df[df.amount > 50.0]
    return df[df.flag].amount.sum(), big.head(2).id.max(), df[df.id > 3].amount, len(df[df.flag].id)


@bodo.jit
def make_small(n):
    i = np.arange(n)
    return pd.DataFrame({"id": i, "amount": (i * 37 % 101) * 1.0, "flag": i % 4 == 0})


small = make_small(30)
a, b, c, d = chained(small)
print(a, b, d)
print(c)
