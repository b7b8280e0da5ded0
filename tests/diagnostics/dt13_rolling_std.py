# a rolling aggregation bodoc does not have
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def spread(n):
    s = pd.Series(np.arange(n) * 1.5)
    return s.rolling(3).std()


print(spread(10))
