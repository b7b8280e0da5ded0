# tier0: set operators on dict views (keys/items with sets and other views)
import bodo


@bodo.jit
def common(a, b):
    both = a.keys() & b.keys()
    only_a = a.keys() - b.keys()
    either = a.keys() | {"zz"}
    sym = {"x", "q"} ^ b.keys()
    pairs = a.items() & b.items()
    return sorted(both), sorted(only_a), sorted(either), sorted(sym), sorted(pairs)


a = {"x": 1, "y": 2, "z": 3}
b = {"y": 2, "z": 4, "w": 5}
print(common(a, b))
s = {1, 2} | {3}
print(sorted(s), sorted({1, 2, 3} - {2}))
print(len(a.keys() - {"x"}))
