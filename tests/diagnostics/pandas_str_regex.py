# Series.str.contains reads a regular expression by default: one with its syntax is not supported
import pandas as pd
import bodo


@bodo.jit
def f():
    s = pd.Series(["a.b", "ab", "a-b"])
    return s.str.contains("a.b").sum(), s.str.contains(".", regex=False).sum()


print(f())
