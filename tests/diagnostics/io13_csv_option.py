# index_col= is not a supported read_csv option
import pandas as pd

import bodo


@bodo.jit
def load():
    return pd.read_csv("no_such_file.csv", index_col=0)


print(load())
