# a file the program writes is read back in the layout it is written in
import pandas as pd

import bodo


@bodo.jit
def roundtrip():
    df = pd.DataFrame({"a": [1, 2], "b": [0.5, 1.5]})
    df.to_csv("ab.csv", index=False)
    return pd.read_csv("ab.csv", usecols=["a"])


print(roundtrip())
