# After an error leaves a DataFrame untyped, a map over one of its columns adds no error of its own
import pandas as pd
import numpy as np
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"ts": pd.to_datetime(["2024-01-01"] * n), "amount": np.arange(n) * 0.37})
    t = df["amount"].apply(lambda x: x + 1)
    print(t)


f(600)
