# tier0: set update/pop/copy/clear/issuperset/isdisjoint, set inclusion operators, multi-argument union, set methods on lists and ranges, dict popitem and | merge, list.index with bounds, list.extend of any iterable
import bodo


@bodo.jit
def set_methods(extra):
    a = {1, 2, 3, 4}
    b = {3, 4, 5}
    c = {4, 9}
    print(sorted(a.union(b, c)), sorted(a.intersection(b, c)), sorted(a.difference(b, c)))
    print(a.issuperset({3}), a.isdisjoint(c), {1, 2}.isdisjoint([3, 4]), b.issubset(range(10)))
    print(a <= a, a < a, {3} < a, a >= {1, 2}, a > b, b <= a)
    s = {5, 1, 9}
    s.update(extra)
    s.update(range(3))
    t = s.copy()
    x = s.pop()
    y = s.pop()
    s.add(x)
    z = s.pop()
    print(x, y, z, sorted(s), len(t))
    t.clear()
    print(t, len(t))
    u = {1.5, 2.5}
    u.update([1.0, 2.0])
    print(sorted(u))
    e = set()
    e.update(a)
    while e:
        e.pop()
    try:
        e.pop()
    except KeyError as err:
        print("KeyError", err)
    return len(s)


@bodo.jit
def dict_methods(d):
    first = d.popitem()
    d["z"] = 26
    second = d.popitem()
    merged = d | {"q": 7, "a": 0}
    print(first, second, d, merged)
    try:
        {"k": 1.5}.popitem()
        {}.popitem()
    except KeyError as err:
        print("KeyError", err)
    return len(merged)


@bodo.jit
def list_methods(xs):
    print(xs.index(2), xs.index(2, 2), xs.index(3, -2), xs.index(1, 1, 4))
    ys = list(xs)
    ys.extend(range(2))
    ys.extend((7, 8))
    ys.extend({9})
    ys.extend(reversed(xs))
    try:
        xs.index(3, 4, 5)
    except ValueError as err:
        print("ValueError", err)
    return ys


print(set_methods([4, 5, 12]))
print(dict_methods({"a": 1, "b": 2, "c": 3}))
print(list_methods([1, 2, 3, 1, 2, 3]))
