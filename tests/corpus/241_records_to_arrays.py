# tier1: records as dicts feeding NumPy arrays, f-string stats table, multi-key record sort, zip(*rows) tuples, jit exception with several args caught in driver, ** in dict display
import numpy as np
import bodo


@bodo.jit
def summarize(prices, qty):
    total = prices * qty
    return total.sum(), total.max(), np.argmax(total), total.mean()


@bodo.jit
def check(name, value, limit):
    if value > limit:
        raise ValueError("too large", name, value)
    return value * 2


rows = [
    {"name": "apple", "price": 1.5, "qty": 10},
    {"name": "pear", "price": 2.25, "qty": 4},
    {"name": "kiwi", "price": 0.75, "qty": 30},
    {"name": "plum", "price": 2.25, "qty": 7},
]
prices = np.array([r["price"] for r in rows])
qty = np.array([r["qty"] for r in rows])
s, m, i, avg = summarize(prices, qty)
print(s, m, i, avg)
print(f"{'total':<8}|{s:>10.3f}|{avg:>8.2e}")
print(rows[0].keys())
print(list(rows[0].keys()))
print(len(rows[1]))
srt = sorted(rows, key=lambda r: (-r["price"], r["name"]))
print([r["name"] for r in srt])
names, ps = tuple(r["name"] for r in rows), tuple(zip(*[(r["price"], r["qty"] * 1.0) for r in rows]))
print(names, ps)
try:
    check("kiwi", 30, 20)
except ValueError as e:
    print("error:", e)
print(check("apple", 3, 20))
merged = {**{"a": 1}, "b": 2, **{"c": 3, "a": 5}}
print(merged)
