# merging an int key with a float key is not supported yet
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    a = pd.DataFrame({"k": np.arange(n), "x": np.arange(n) * 2})
    b = pd.DataFrame({"j": np.arange(3) * 1.0, "y": np.arange(3)})
    return a.merge(b, left_on="k", right_on="j")


print(f(5))
