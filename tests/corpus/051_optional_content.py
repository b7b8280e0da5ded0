# tier0: values that may be None (best-so-far, find-or-None results) used after an `is None` check: operands, comparisons, unpacking, subscripts, methods, len/min/max; TypeError/AttributeError when None
import bodo


@bodo.jit
def best_score(scores):
    best = None
    who = None
    for name, s in scores:
        if best is None or s > best:
            best = s
            who = name
    return who, best


@bodo.jit
def find(words, prefix):
    for w in words:
        if w.startswith(prefix):
            return w
    return None


@bodo.jit
def first_neg(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return (i, x)
    return None


@bodo.jit
def running_min(xs):
    m = None
    out = []
    for x in xs:
        if m is None or x < m:
            m = x
        out.append(m + 0)
    return out


@bodo.jit
def total_len(words, prefixes):
    n = 0
    for p in prefixes:
        w = find(words, p)
        if w is not None:
            n += len(w)
            print(p, "->", w.upper(), w[0], w[1:3])
        else:
            print(p, "-> none")
    return n


@bodo.jit
def common_tags(posts):
    common = None
    for ts in posts:
        s = set(ts)
        if common is None:
            common = s
        else:
            common = common & s
    return sorted(common) if common is not None else []


print(best_score([("a", 3), ("b", 9), ("c", 9), ("d", 1)]))
words = ["apple", "banana", "cherry"]
print(total_len(words, ["b", "x", "ch", "a"]))
r = first_neg([4, 5, -2, 7])
if r is not None:
    i, v = r
    print("neg at", i, v, r[0] + r[1])
print(first_neg([1, 2]))
print(running_min([5, 3, 8, 1, 4]))
print(common_tags([["x", "y", "z"], ["y", "z"], ["z", "y", "w"]]), common_tags([["q"]]))
m = find(words, "z")
print(m is None, m)
lim = None
for k in [3, 1, 2]:
    if lim is None:
        lim = k
    else:
        lim = max(lim, k) - 1 + abs(-1)
print(lim, lim * 2, -lim, 1 < lim <= 3)
try:
    n = first_neg([1])
    a, b = n
except TypeError as e:
    print("TypeError:", e)
try:
    w = find(words, "q")
    print(w.upper())
except AttributeError as e:
    print("AttributeError:", e)
