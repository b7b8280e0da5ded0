# fillna of a str column (its missing values) is not supported yet
import pandas as pd

import bodo


@bodo.jit
def fill(path):
    df = pd.read_csv(path, names=["s"], dtype={"s": str})
    return df.s.fillna("?")


print(fill("x.csv"))
