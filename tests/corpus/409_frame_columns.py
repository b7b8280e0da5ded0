# tier2: df.columns: printed as pandas' Index (wrapped past 80 characters), iterated, listed, tested, indexed, returned
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def build(n):
    i = np.arange(n)
    df = pd.DataFrame({"order_id": i, "customer_name": ["c" + str(k) for k in range(n)], "amount": i * 1.5})
    df["amount_with_tax"] = df.amount * 1.2
    df["is_large_order"] = df.amount > 10.0
    df["discount_rate"] = df.amount * 0.0 + 0.05
    return df


@bodo.jit
def describe_columns(df):
    cols = df.columns
    print(cols)
    print(len(cols), cols[0], cols[-1], "amount" in cols, "price" in cols)
    names = [c.upper() for c in df.columns if c != "order_id"]
    small = df[["order_id", "amount"]].columns
    return names, small, list(cols)


df = build(12)
print(df.columns)
names, small, as_list = describe_columns(df)
print(names)
print(small)
print(as_list)
print((small, len(as_list)))
for c in df.columns:
    print(c, end=" ")
print()
