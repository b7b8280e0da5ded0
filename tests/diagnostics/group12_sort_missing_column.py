# sorting by a column the frame does not have
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    i = np.arange(n)
    df = pd.DataFrame({"k": i % 3, "v": i * 1.5})
    return df.sort_values(["k", "w"], ascending=[True, False])


print(f(10))
