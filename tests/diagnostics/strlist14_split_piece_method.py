# only .str[i], .str.get(i), .str.len() and .str.join(sep) read the pieces of a split; .str.upper() of lists is not supported
import pandas as pd
import bodo


@bodo.jit
def f():
    s = pd.Series(["a b", "c d"])
    words = s.str.split()
    return words.str.upper()


print(f())
