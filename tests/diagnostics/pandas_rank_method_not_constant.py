# Series.rank(method=m) of a method chosen at run time: the method must be a string constant
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def ranks(n, how):
    df = pd.DataFrame({"x": np.arange(n) % 4})
    return df["x"].rank(method=how)


print(ranks(10, "dense"))
