# tier2: operations on Series that are no variable: a column of a selection times a number, the negated tail, two columns of one head() added, reductions of such expressions
import numpy as np
import pandas as pd
import bodo


@bodo.jit(distributed=["df"])
def f(df):
    up = df[df.a > 3].b * 2
    last = -df.b.tail(2)
    both = df.head(3).a + df.head(3).b
    return up, last, both, (df[df.a % 2 == 0].b + 1).sum()


@bodo.jit
def make(n):
    return pd.DataFrame({"a": np.arange(n), "b": np.arange(n) * 0.5})


up, last, both, tot = f(make(9))
print(up)
print(last)
print(both)
print(tot)
