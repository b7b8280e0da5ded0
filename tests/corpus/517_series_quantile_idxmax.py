# Series.quantile(q), idxmax()/idxmin() (NaN skipped, labels of a range, an int index or strings) and pd.Series(values, index=labels), whose lengths must agree.
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def stats(n):
    df = pd.DataFrame({"a": np.arange(n) * 1.5 % 7, "b": (np.arange(n) * 7) % 5})
    return df.a.quantile(0.25), df.b.quantile(), df.b.quantile(q=0.9), df.a.idxmax(), df.b.idxmin(), df.a.idxmin()


@bodo.jit(distributed=["df"])
def filtered(df):
    big = df[df.v > 2.0]
    return big.v.idxmax(), big.v.idxmin(), big.v.quantile(0.5), big.v.quantile(1)


@bodo.jit
def labelled():
    s = pd.Series([3.0, np.nan, 9.0, 9.0, 1.0], index=["p", "q", "r", "s", "t"])
    t = pd.Series([4, 8, 8, 1], index=[10, 20, 30, 40], name="n")
    print(s)
    print(t)
    return s.idxmax(), s.idxmin(), s.quantile(0.75), t.idxmax(), t.idxmin(), t.quantile(0.3)


@bodo.jit
def mismatched():
    s = pd.Series([1.0, 2.0], index=["a", "b", "c"])
    return s.sum()


q, m, q9, i, j, k = stats(23)
print(q, m, q9, i, j, k)
df = pd.DataFrame({"v": [1.0, 5.0, np.nan, 3.0, 7.5, 2.5, 7.5, 0.5, 4.0]})
a, b, c, d = filtered(df)
print(a, b, c, d)
a, b, c, d, e, f = labelled()
print(a, b, c, d, e, f)
try:
    mismatched()
except ValueError as err:
    print("ValueError:", err)
