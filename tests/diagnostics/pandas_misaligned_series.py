# a selection's Series beside the whole frame's: pandas aligns them by label, bodoc says it cannot yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"a": np.arange(n)})
    big = df[df.a > 1]
    return (big.a + df.a).sum()


print(f(3))
