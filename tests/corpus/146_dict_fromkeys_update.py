# tier0: dict.fromkeys (with and without a value), dict.update from a list of pairs, zip, enumerate, another dict and keyword arguments, dict() of a variable holding pairs
import bodo


@bodo.jit
def build(keys, pairs):
    d = dict.fromkeys(keys, 0)
    print(d)
    d.update([("a", 5), ("q", 2)])
    d.update(k=3, a=1)
    d.update({"z": 9})
    d.update(pairs)
    d.update(zip(["m", "n"], [7, 8]))
    print(d)
    print(dict.fromkeys(["x", "y"]), dict.fromkeys("hello", 1))
    f = dict.fromkeys(range(3), -1.5)
    f.update(enumerate([2.5]))
    print(f, dict(pairs), dict(sorted(d.items())))
    return len(d)


print(build(["a", "b"], [("p", 1), ("a", 4)]))
counts = dict.fromkeys(["u", "v"], 0)
counts.update(v=2)
print(counts)
