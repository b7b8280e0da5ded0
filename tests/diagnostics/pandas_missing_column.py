# reading a column the frame does not have: the columns it has in the hint
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"price": np.arange(n) * 1.5, "qty": np.arange(n)})
    return df["prices"].sum()


print(f(3))
