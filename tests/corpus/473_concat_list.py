# pd.concat of a list of frames built in a loop (each made whole where it is stored)
# and of a list of Series; bodo.rebalance of a filtered frame and of a Series (with dests)
import numpy as np
import pandas as pd

import bodo


@bodo.jit(distributed=["df"])
def collect(parts):
    frames = []
    for i in range(parts):
        frames.append(pd.DataFrame({"k": np.arange(7) + i * 10, "v": np.arange(7) * 0.25 - i}))
    df = pd.concat(frames)
    return df


@bodo.jit
def series_list(parts):
    pieces = []
    for i in range(parts):
        pieces.append(pd.Series(np.arange(3) * (i + 1)))
    return pd.concat(pieces, ignore_index=True)


@bodo.jit(distributed=["df"])
def balanced(df):
    kept = df[df.k % 3 != 0]
    even = bodo.rebalance(kept)
    first = bodo.rebalance(kept.v, dests=[0])
    return len(even), even.v.sum(), even.head(4), first.sum(), len(first)


df = collect(5)
print(len(df), df.v.sum())
print(df.iloc[5:9])
print(series_list(4))
n_even, v_sum, head, first_sum, n_first = balanced(df)
print(n_even, v_sum, first_sum, n_first)
print(head)
