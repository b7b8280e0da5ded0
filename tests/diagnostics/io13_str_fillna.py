# fillna of a str column (its missing values) with a number: pandas would make an object column
import pandas as pd

import bodo


@bodo.jit
def fill(path):
    df = pd.read_csv(path, names=["s"], dtype={"s": str})
    return df.s.fillna(0)


print(fill("x.csv"))
