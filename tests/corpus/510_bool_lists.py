# Lists of bool, kept one byte per flag: indexing, appends, slices, sorts, sums, comparisons, printing, dict views, unpacking and a parallel loop appending flags.
import bodo


@bodo.jit
def f(n):
    flags = [i % 3 == 0 for i in range(n)]
    flags[1] = True
    flags.append(False)
    flags.insert(0, True)
    print(flags)
    print(sum(flags), sorted(flags), sorted(flags, reverse=True))
    print(flags[2:5], flags[::-2], flags == [True], flags < [True, True])
    g = flags + [False, True]
    g.extend(flags)
    g.reverse()
    print(g, g.pop(), g.pop(0), g.count(True), g.index(False), True in g)
    del g[1:3]
    g[0:2] = [False, False, True]
    print(g, len(g), min(g), max(g))
    t = 0
    for x in g:
        if x:
            t += 1
    print(t, [not x for x in g], any(g), all(g))
    d = {"a": True, "b": False}
    print(list(d.values()), [v for v in d.values()])
    a, b = [True, False]
    print(a, b, g * 2, set(g), tuple(g))
    g.sort()
    print(g)
    g.clear()
    print(g)
    return flags


@bodo.jit
def sieve(n):
    is_prime = [True for _ in range(n + 1)]
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for m in range(p * p, n + 1, p):
                is_prime[m] = False
        p += 1
    return [i for i in range(n + 1) if is_prime[i]], is_prime[-1], is_prime[-4]


@bodo.jit
def parallel_flags(n):
    out = []
    for i in bodo.prange(n):
        out.append(i % 4 == 1)
    return out, sum(out)


print(f(7))
print(sieve(60))
print(parallel_flags(10))
try:
    print(f(0))
except IndexError as e:
    print("IndexError", e)


@bodo.jit
def reserved(n):
    # Comprehensions over a range or a list reserve their length first; one
    # that raises part way still frees what it built.
    xs = [i * i for i in range(n)]
    ys = [x > 10 for x in xs]
    try:
        zs = [10 // (3 - i) for i in range(1000000000000)]
        print(len(zs))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    return xs, ys, [y for y in reversed(ys)]


print(reserved(6))
