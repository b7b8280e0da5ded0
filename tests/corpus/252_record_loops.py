# tier0: loops and comprehensions over a record's keys (indexing it by them), items()/values() and comprehensions over a tuple of mixed types (unrolled once per key or item): break/continue/else, formatting, dict/list/set comprehensions
import bodo


@bodo.jit
def show(rec):
    width = max(len(k) for k, _ in rec.items())
    for k, v in rec.items():
        print(f"{k:<{width}} : {v}")
    parts = []
    for v in rec.values():
        parts.append(str(v))
    print(" | ".join(parts))
    n = 0
    for key, val in rec.items():
        if key == "qty":
            continue
        if key == "stop":
            break
        n += 1
    else:
        print("no stop")
    print(", ".join(f"{k}={v!r}" for k, v in rec.items()))
    print({k: str(v) for k, v in rec.items()}, [p[0] for p in rec.items()], {type(v).__name__ for v in rec.values()} == {"str"})
    return n


@bodo.jit
def by_key(rec):
    for k in rec:
        print(f"{k}: {rec[k]}")
    for key in rec.keys():
        if key == "b":
            continue
        print(key, rec[key], end="; ")
    print()
    print([str(rec[k]) for k in rec], {k: str(rec[k]) for k in rec.keys()})
    last = None
    for k in rec:
        last = k
    print(last, k)


@bodo.jit
def table(rows):
    for r in rows:
        cells = [f"{v}" for v in r.values()]
        print(" ".join(c.rjust(8) for c in cells))


@bodo.jit
def rows_out(rows):
    for row in rows:
        print(" | ".join(str(c) for c in row))
        print([f"{c!r:>6}" for c in row], {str(c): 1 for c in row}, len({type(c).__name__ for c in row}))
    hdr = ("name", 3, 2.5, True)
    print([str(x).upper() for x in hdr], ",".join([repr(v) for v in hdr]))
    nums = (1, 2.5)
    print(sum(x for x in nums), [v * 2 for v in nums])


print(show({"name": "widget", "qty": 3, "price": 2.5, "tags": ["a", "b"], "ok": True}))
print(show({"name": "x", "qty": 0, "price": 0.5, "tags": [], "ok": False}))
table([{"id": 1, "city": "Oslo", "temp": -3.5}, {"id": 2, "city": "Lima", "temp": 19.0}])
rows_out([("apple", 3, 1.25), ("kiwi", 12, 0.5)])
by_key({"a": 1, "b": "x", "c": [2.5]})
