# tier2: groupby transform (sum, mean, max, count) and cumsum aligned to the original rows, used beside the frame's columns, on a filtered frame too
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def ledger(n):
    i = np.arange(n)
    amount = ((i * 7919) % 1000 - 400) / 4.0
    amount = np.where(i % 23 == 7, np.nan, amount)
    return pd.DataFrame({"entry": i, "account": (i + i // 7) % 4, "amount": amount, "units": (i * 3) % 5})


@bodo.jit(distributed=["df"])
def running(df):
    g = df.groupby("account")
    total = g["amount"].transform("sum")
    out = pd.DataFrame({
        "account": df.account,
        "amount": df.amount,
        "balance": g["amount"].cumsum(),
        "share": df.amount / total,
        "dev": df.amount - g["amount"].transform("mean"),
        "top": g["units"].transform("max"),
        "seen": g["units"].cumsum(),
        "n": g["amount"].transform("count"),
    })
    big = df[df.units > 2]
    running_big = big.groupby("account")["units"].cumsum()
    return out, running_big


out, running_big = running(ledger(1000))
print(out.head(10))
print(out.tail(5))
print(out.balance.sum(), out.seen.sum())
print(running_big.head(6))
print(running_big.tail(3))
