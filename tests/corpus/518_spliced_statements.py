# Sugar of several statements (chained assignment, starred targets) and a user's if True: are opened into their block, so a frame gaining columns there keeps one type.
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"a": np.arange(n), "b": np.arange(n) * 2.0})
    df["x"] = df["y"] = df.a * 3
    first, *rest = [1, 2, 3]
    if True:
        df["z"] = df.b + first
    df["w"] = rest[1] * df.a
    return df


print(f(10))
