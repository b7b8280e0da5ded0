# pd.concat of frames along the rows: labels kept (duplicates allowed, a filtered frame's
# own labels) or ignore_index=True; Series; int and float columns widened; a replicated
# frame among distributed ones; order kept across the seams at any rank count
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def month_sales(n, month, offset):
    i = np.arange(n)
    cats = ["books", "games", "music", "tools"]
    return pd.DataFrame({
        "month": np.full(n, month),
        "category": [cats[(k * 3 + offset) % 4] for k in range(n)],
        "amount": 10.0 + ((i * 37 + offset) % 90) * 0.5,
    })


@bodo.jit(replicated=["extra"])
def extras():
    extra = pd.DataFrame({"month": np.array([4, 4]), "category": ["toys", "food"], "amount": np.array([7, 9])})
    return extra


@bodo.jit(distributed=["jan", "feb", "mar"])
def combine(jan, feb, mar, extra):
    q1 = pd.concat([jan, feb, mar])
    flat = pd.concat([jan, feb, mar, extra], ignore_index=True)
    big = pd.concat([jan[jan.amount > 50.0], mar[mar.amount > 52.0]])
    amounts = pd.concat([feb.amount, extra.amount])
    return (len(q1), q1.iloc[58:62], flat.iloc[118:122], flat.tail(3), q1.amount.sum(), len(big),
            big.head(4), big.tail(2), amounts.tail(3), len(amounts))


jan = month_sales(60, 1, 0)
feb = month_sales(50, 2, 1)
mar = month_sales(70, 3, 2)
n, seam, seam_flat, last, total, n_big, big_head, big_tail, amounts, n_amounts = combine(jan, feb, mar, extras())
print(n, total)
print(seam)
print(seam_flat)
print(last)
print(n_big)
print(big_head)
print(big_tail)
print(amounts)
print(n_amounts)
