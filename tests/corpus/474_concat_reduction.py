# the concatenation reduction (tier2/223 without the frame of no columns): pd.concat
# inside prange, each iteration's rows from a plain function; a new RangeIndex or the rows' labels
import numpy as np
import pandas as pd

import bodo


def get_result(rate):
    steps = np.arange(1, 11)
    balance = 100.0 * (1.0 + rate) ** steps
    return pd.DataFrame({"rate": np.full(10, rate), "year": steps, "balance": balance})


@bodo.jit
def simulate():
    params = np.array([0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.12, 0.15])
    params = bodo.scatterv(params)
    df = pd.DataFrame({"rate": np.zeros(0), "year": np.arange(0), "balance": np.zeros(0)})
    for i in bodo.prange(len(params)):
        df = pd.concat([df, get_result(params[i])], ignore_index=True)
    return df


@bodo.jit
def labelled(n):
    base = pd.DataFrame({"a": np.arange(3), "b": np.arange(3) * 0.5})
    # A filtered frame keeps its own labels, as every concatenation does.
    df = base[base.a != 1]
    for i in bodo.prange(n):
        piece = pd.DataFrame({"a": np.arange(i % 3) + i, "b": np.arange(i % 3) * 1.5})
        df = pd.concat([df, piece])
    return df


@bodo.jit(distributed=["sim"])
def final_balances(sim):
    final = sim[sim.year == 10].sort_values("rate").reset_index(drop=True)
    means = sim.groupby("rate")["balance"].mean().sort_index()
    return final, means.tail(3)


sim = simulate()
print(len(sim))
print(sim.iloc[8:12])
final, means = final_balances(sim)
print(final)
print(means)
lab = labelled(7)
print(len(lab), lab.a.sum())
print(lab)
