# merge (tier2/220 without rename): inner/left/right/outer joins, on=, left_on/right_on, suffixes; join results sorted before printing
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def customers(n):
    i = np.arange(n)
    tiers = ["gold", "silver", "bronze"]
    return pd.DataFrame({
        "cust_id": i * 3,
        "tier": [tiers[k % 3] for k in range(n)],
        "score": 50.0 + (i * 17) % 50,
    })


@bodo.jit
def orders(m):
    j = np.arange(m)
    return pd.DataFrame({
        "order_id": j + 5000,
        "cust_id": (j * 7) % 260,
        "total": 20.0 + (j * 31) % 400,
        "score": (j % 10) * 1.0,
    })


@bodo.jit(distributed=["cust", "ords"])
def joins(cust, ords):
    inner = ords.merge(cust, on="cust_id", suffixes=("_order", "_cust"))
    left = ords.merge(cust, on="cust_id", how="left")
    right = pd.merge(ords, cust, on="cust_id", how="right")
    outer = pd.merge(ords, cust, on="cust_id", how="outer")
    renamed = pd.DataFrame({"id": cust.cust_id, "tier": cust.tier, "score": cust.score})
    by_keys = ords.merge(renamed, left_on="cust_id", right_on="id", how="inner")
    inner_s = inner.sort_values("order_id").reset_index(drop=True)
    unmatched = left[left.tier.isna()]
    no_orders = right[right.order_id.isna()].sort_values("cust_id").reset_index(drop=True)
    tier_totals = inner.groupby("tier")["total"].sum().sort_index()
    return (inner_s.head(5), len(inner), len(left), len(unmatched), len(right), len(no_orders),
            no_orders.head(3), len(outer), len(by_keys), by_keys.total.sum(), tier_totals)


cust = customers(100)
ords = orders(1500)
(inner_head, n_inner, n_left, n_unmatched, n_right, n_no_orders, no_orders,
 n_outer, n_keys, keys_total, tier_totals) = joins(cust, ords)
print(inner_head)
print("inner", n_inner, "left", n_left, "unmatched", n_unmatched, "right", n_right, "no orders", n_no_orders)
print(no_orders)
print("outer", n_outer, "left_on/right_on", n_keys, keys_total)
print(tier_totals)
