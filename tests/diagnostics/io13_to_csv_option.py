# to_csv options other than index= are not supported
import pandas as pd

import bodo


@bodo.jit
def save():
    df = pd.DataFrame({"a": [1, 2]})
    df.to_csv("a.csv", sep=";")


save()
