# Series.str.split: expand=True, a regular-expression pattern, a pattern that is not a constant, n given by position
import pandas as pd
import bodo


@bodo.jit
def f(sep):
    s = pd.Series(["a.b", "c.d"])
    wide = s.str.split(".", expand=True)
    a = s.str.split("a.").str[0]
    b = s.str.split(sep).str[0]
    c = s.str.rsplit(".", 1).str[0]
    return wide, a, b, c


print(f("."))
