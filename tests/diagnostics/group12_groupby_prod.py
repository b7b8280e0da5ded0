# groupby aggregations other than the supported ones are a clear error
import numpy as np
import pandas as pd
import bodo


@bodo.jit
def f(n):
    i = np.arange(n)
    df = pd.DataFrame({"k": i % 3, "v": i * 1.5})
    return df.groupby("k")["v"].prod()


print(f(10))
