# two Series of different frames: pandas aligns them by label, bodoc says it cannot yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    left = pd.DataFrame({"a": np.arange(n)})
    right = pd.DataFrame({"a": np.arange(n) * 2})
    return (left.a + right.a).sum()


print(f(3))
