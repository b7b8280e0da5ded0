# a constant path naming no file at build time
import pandas as pd

import bodo


@bodo.jit
def load():
    return pd.read_csv("no_such_file.csv")


print(load())
