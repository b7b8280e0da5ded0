# tier0: dict.keys()/values()/items() print as dict views; used as lists
import bodo


def count(ks):
    return len(ks)


@bodo.jit
def views(d):
    ks = d.keys()
    vs = d.values()
    it = d.items()
    print(ks)
    print(f"{vs} {it!r}")
    out = []
    for i, k in enumerate(ks):
        out.append((i, k))
    if ks:
        out.append((-1, "nonempty"))
    hits = [k for k, v in d.items() if v > 1]
    pairs = sorted(d.items(), key=lambda kv: kv[1])
    return ks, [vs], (it, 1), out, count(vs), len(set(ks)), 3 in vs, ("a", 1) in it, hits, pairs


@bodo.jit
def totals(d):
    return sum(d.values()), max(d.values()), min(d.keys()), ", ".join(d.keys()), list(d.items())[0]


@bodo.jit
def record_keys():
    r = {"name": "x", "n": 3}
    print(r.keys())
    return list(r.keys())


d = {"a": 1, "b": 3, "c": 2}
print(views(d))
print(totals(d))
print(record_keys())
e = {}
e[1] = 2.5
print(e.keys(), e.values(), e.items())
print(str(d.keys()) + "!", repr(d.values()))
