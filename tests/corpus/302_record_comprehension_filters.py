# tier0: comprehensions with `if` over a record's items/keys/values, isinstance and key tests in loops over records
import bodo


@bodo.jit
def comps():
    recs = [{"name": "a", "score": 3.5, "n": 2}, {"name": "b", "score": 1.0, "n": 5}]
    good = [r["name"] for r in recs if r["score"] > 2.0]
    rec = {"name": "x", "a": 3, "b": 2.5, "c": 4}
    ks = [k for k, v in rec.items() if k != "name"]
    ints = [v for k, v in rec.items() if isinstance(v, int)]
    big = {k: v for k, v in rec.items() if isinstance(v, int) and v > 3}
    tot = sum(v for k, v in rec.items() if k not in ("name", "b"))
    keys = {k for k in rec if k != "name"}
    fl = [f"{k}:{v}" for k, v in rec.items() if k != "a" if k != "c"]
    n = len([1 for v in rec.values() if isinstance(v, float)])
    starts = [k for k in rec if k.startswith("n")]
    print(good, ks, ints, big, tot, sorted(keys), fl, n, starts)
    total = 0
    parts = []
    for k, v in rec.items():
        if isinstance(v, int):
            total += v
        if k != "name":
            parts.append(f"{k}={v}")
    print(total, ", ".join(parts))
    return total


print(comps())
