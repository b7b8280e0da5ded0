# tier0: dict views held in variables stay live (later inserts and pops show), float.is_integer, int.bit_length, tuple repetition
import bodo


@bodo.jit
def live_views(pairs):
    stock = {"bolts": 10}
    names = stock.keys()
    counts = stock.values()
    entries = stock.items()
    for k, v in pairs:
        stock[k] = stock.get(k, 0) + v
    print(len(names), list(names), sum(counts), entries)
    stock.pop("bolts")
    for name in names:
        print(name, stock[name])
    return sorted(names), max(counts)


@bodo.jit
def view_of_param(d):
    ks = d.keys()
    d["late"] = 0
    return list(ks), "late" in ks


@bodo.jit
def scalar_methods(xs, ns):
    for x in xs:
        half = x / 2
        print(x, x.is_integer(), half.is_integer(), f"{x:g}")
    for n in ns:
        print(n, n.bit_length(), bin(n), (n > 0).bit_length())
    return [n.bit_length() for n in ns]


@bodo.jit
def repeated(n):
    row = (0,) * n
    pair = ("x", "y") * 2
    print(row, len(row), pair, 3 * (True,), () * 5)
    return pair + ("z",), row[1:]


print(live_views([("nuts", 5), ("bolts", 2), ("washers", 7)]))
print(view_of_param({"a": 1}))
print(scalar_methods([4.0, 2.5, -6.0, 1e300, 0.0], [0, 1, 255, 256, -1024, 2**40]))
print(repeated(3))
