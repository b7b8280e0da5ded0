# read_parquet needs a constant path: the columns are read when compiling
import pandas as pd

import bodo


@bodo.jit
def load(name):
    return pd.read_parquet("data/" + name)


print(load("x.pq"))
