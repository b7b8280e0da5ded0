# tier0: dict/list items and call results that may be None stand for their value (TypeError when None)
import bodo


def find(xs, t):
    for i, x in enumerate(xs):
        if x == t:
            return i
    return None


def pick(c):
    return None if c else 5


@bodo.jit
def next_count(counts, key):
    return counts.get(key) + 1


@bodo.jit
def f():
    best = {"a": None, "b": None}
    for k, v in [("a", 3), ("b", 5), ("a", 7)]:
        if best[k] is None or v > best[k]:
            best[k] = v
    print(best, best["a"] * 2, best["a"] + best["b"])
    xs = [10, 20, 30]
    print(find(xs, 20) + 1)
    try:
        print(find(xs, 99) + 1)
    except TypeError as e:
        print("TypeError:", e)
    names = {"u1": None, "u2": "bob"}
    names["u1"] = "al"
    print(names["u1"].upper(), len(names["u2"]))
    ys = [None, None]
    ys[0] = 1.5
    ys[1] = 2.5
    print(ys[0] + ys[1])
    d = {"a": None, "b": None, "c": None}
    d["a"] = 1
    d["c"] = 4
    kept = {k: v for k, v in d.items() if v is not None}
    vals = [v for v in d.values() if v]
    print(kept, vals, sum(vals), max(v for v in d.values() if v is not None))
    for c in [True, False]:
        x = pick(c)
        print(isinstance(x, int), x is None, isinstance(x, (str, float)))
    return 0


f()
print(next_count({"a": 1}, "a"))
try:
    print(next_count({"a": 1}, "b"))
except TypeError as e:
    print("TypeError:", e)
