# A sales report with pandas: a generated order table, revenue per region and product, the best months.
# Tier 2 (pandas in memory): the frame is split across ranks, groupby shuffles, results are gathered for printing.
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make_orders(n):
    i = np.arange(n)
    regions = np.array(["north", "south", "east", "west"])
    products = np.array(["tea", "coffee", "cocoa"])
    return pd.DataFrame(
        {
            "region": regions[i % 4],
            "product": products[(i * 7) % 3],
            "month": (i * 5) % 12 + 1,
            "quantity": (i * 13) % 9 + 1,
            "price": 2.5 + (i % 5) * 0.75,
        }
    )


@bodo.jit
def report(orders):
    orders["revenue"] = orders.quantity * orders.price
    by_region = orders.groupby(["region", "product"], as_index=False).agg(
        orders=("revenue", "count"), revenue=("revenue", "sum")
    )
    by_region = by_region.sort_values(["region", "product"]).reset_index(drop=True)
    monthly = orders.groupby("month")["revenue"].sum().sort_values(ascending=False)
    return by_region, monthly.head(3), orders.revenue.sum()


orders = make_orders(100_000)
by_region, best_months, total = report(orders)
print(by_region)
print()
print("best months:")
print(best_months)
print(f"total revenue: {total:,.2f}")
