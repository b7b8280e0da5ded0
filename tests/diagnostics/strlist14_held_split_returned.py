# a split Series held in a variable is read only through .str: returning the lists themselves is not supported
import pandas as pd
import bodo


@bodo.jit
def f():
    s = pd.Series(["a|b", "c|d|e"])
    parts = s.str.split("|")
    n = parts.str.len().sum()
    return parts, n


print(f())
