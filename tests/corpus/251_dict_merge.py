# tier0: `**` in dict displays and dict(**a, k=v): records merged into records (overridden fields change type), dicts merged into dicts, an optional record unpacked, evaluation order, exceptions mid-merge
import bodo


def bump(rec, k):
    return {**rec, "count": rec["count"] + k}


@bodo.jit
def records(n):
    base = {"id": 0, "label": "none", "count": 0}
    recs = []
    for i in range(n):
        recs.append(bump({**base, "id": i, "label": f"item{i}"}, i * 2))
    for r in recs:
        print(r["id"], r["label"], r["count"])
    cp = {**recs[-1]}
    cp["count"] = 99
    print(cp, recs[-1])
    print({**base, "count": "many"})
    print({"first": True, **base, "label": 7})
    print({**{**base, "x": 1.5}, "y": None})
    print(dict(**base, extra=[1, 2]))
    defaults = {"city": "?", "age": 0}
    people = [{**defaults, "name": nm} for nm in ["ann", "bob"]]
    print(people, people[1]["name"])
    return len(recs)


@bodo.jit
def dicts():
    c = {"a": 1, "b": 2}
    m = {**c, "c": 3, **{"a": 10}}
    print(m, c)
    print({**c, "z": 25}, dict(**c), {**{}, **c})
    totals = {"x": 1.5}
    more = {"y": 2.5, "x": 0.5}
    print({**totals, **more}, {**more, **totals})


@bodo.jit
def order(x):
    log = []

    def note(tag, v):
        log.append(tag)
        return v

    d = {note("a", "k1"): note("b", 1), **{note("c", "k2"): note("d", 2)}, note("e", "k1"): note("f", 3)}
    print(d, log)
    try:
        base = {"s": "q", "v": 1}
        e = {**base, "v": 10 // x, "w": [x]}
        print(e)
    except ZeroDivisionError:
        print("caught")


@bodo.jit
def maybe(flag):
    r = None
    if flag:
        r = {"a": 1, "b": "x"}
    c = {**r, "c": 2.5}
    for pair in c.items():
        print(pair)
    return c


print(records(3))
dicts()
order(0)
order(5)
print(maybe(True))
try:
    maybe(False)
except TypeError as e:
    print("TypeError:", e)
