# shift of a bool Series (pandas makes it object dtype)
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def changes(n):
    s = pd.Series(np.arange(n) % 3 == 0)
    return s.shift(1)


print(changes(10))
