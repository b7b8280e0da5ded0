# tier0: records nested in dicts and records, built in loops and returned from jit functions, with an array field
import bodo
import numpy as np


@bodo.jit
def totals(inv):
    out = {}
    for name in inv:
        item = inv[name]
        out[name] = item["price"] * item["qty"]
    return out


@bodo.jit
def restock(inv, n):
    for name in inv:
        inv[name]["qty"] += n
        inv[name]["price"] *= 1.5
    return inv


@bodo.jit
def group(people):
    groups = {}
    for p in people:
        team = p["team"]
        if team not in groups:
            groups[team] = []
        groups[team].append(p["name"])
    return groups


@bodo.jit
def rows(n):
    out = []
    for i in range(n):
        out.append({"id": i, "label": "row" + str(i), "even": i % 2 == 0, "half": i / 2})
    return out


@bodo.jit
def config():
    cfg = {"name": "run", "params": {"lr": 0.25, "epochs": 10}, "tags": ("a", "b")}
    cfg["params"]["epochs"] += 5
    return cfg


@bodo.jit
def summary(n):
    a = np.arange(n) * 2.0
    return {"name": "arr", "data": a, "n": n, "total": float(a.sum())}


@bodo.jit
def pick(flag):
    if flag:
        r = {"name": "a", "v": 1}
    else:
        r = {"name": "b", "v": 2}
    return r


inventory = {"apple": {"price": 1.25, "qty": 10}, "pear": {"price": 0.5, "qty": 3}}
print(totals(inventory))
print(restock(inventory, 2))
people = [
    {"name": "Ann", "team": "red", "age": 3},
    {"name": "Bob", "team": "blue", "age": 4},
    {"name": "Cy", "team": "red", "age": 5},
]
print(group(people))
rs = rows(4)
print(rs)
print([r["label"] for r in rs if r["even"]])
print(config())
s = summary(10)
print(s)
print(s["data"].sum(), s["n"])
print(pick(True), pick(False))
by_id = {r["id"]: r for r in rs}
by_id[1]["label"] = "one"
print(by_id[1], rs[1])
