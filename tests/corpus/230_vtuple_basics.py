# tier0: tuple() of a list, generator, range or str: printing, len, indexing, slicing, in, +, comparisons, sorted-tuple dict keys, unpacking
import bodo


@bodo.jit
def mk(xs):
    t = tuple(xs)
    return t


@bodo.jit
def stats(t):
    s = 0
    for v in t:
        s += v
    return s, len(t), t[0], t[-1], t[1:3], 3 in t, 99 in t


@bodo.jit
def keys(words):
    d = {}
    for w in words:
        k = tuple(sorted(w))
        d[k] = d.get(k, 0) + 1
    return d


@bodo.jit
def gen(n):
    t = tuple(i * i for i in range(n))
    u = tuple(range(3))
    s = tuple("abc")
    return t, u, s, t + u, sum(t), min(t), max(t), sorted(t, reverse=True), list(u)


@bodo.jit
def cmp(a, b):
    ta = tuple(a)
    tb = tuple(b)
    return ta == tb, ta < tb, ta == (1, 2), (1, 2) == ta, ta != tb


def main():
    t = mk([1, 2, 3, 4])
    print(t)
    print(mk([5]))
    print(mk([]))
    print(stats(t))
    print(keys(["eat", "tea", "tan", "ate", "nat", "bat"]))
    print(gen(5))
    print(cmp([1, 2], [1, 3]))
    print(cmp([1, 2], [1, 2]))
    a, b = mk([7, 8])
    print(a, b)


main()
