# assign() inside a conditional expression is not hoisted into statements
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def f(n, flag):
    df = pd.DataFrame({"a": np.arange(n)})
    out = df.assign(b=df.a * 2) if flag else df.assign(b=df.a)
    return out


print(f(4, True))
