# value_counts' flags are bool constants
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def f(n, order):
    s = pd.Series(np.arange(n) % 3)
    return s.value_counts(ascending=order)


print(f(9, True))
