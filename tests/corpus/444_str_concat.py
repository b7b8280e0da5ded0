# tier2: string concatenation of Series: Series + str, str + Series, Series + Series (labels checked), chained, after astype(str), on filtered frames
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make(n):
    return pd.DataFrame({"first": ["ann", "bob", "cy", "dee"] * (n // 4), "last": ["Li", "Ng", "Ortiz", "Park"] * (n // 4),
                         "age": np.arange(n) % 50 + 18})


@bodo.jit(distributed=["df"])
def label(df, sep):
    out = df.copy()
    out["full"] = out["first"].str.title() + sep + out["last"]
    out["tag"] = "#" + out.age.astype(str) + "y"
    adults = out[out.age > 40]
    adults["key"] = adults.full + "/" + adults.tag
    return out.head(5), adults.tail(3), (out.full == "Cy Ortiz").sum(), adults.key.str.len().max()


for x in label(make(40), " "):
    print(x)
