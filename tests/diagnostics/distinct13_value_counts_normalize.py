# value_counts(normalize=True) is not supported yet
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def f(n):
    s = pd.Series(np.arange(n) % 3)
    return s.value_counts(normalize=True)


print(f(9))
