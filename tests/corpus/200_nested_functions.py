# tier0: nested defs reading enclosing variables (late binding), recursion, keys, global reads, hex/oct/bin
import bodo

SCALE = 3
LIMIT = 4


@bodo.jit
def scaled(xs):
    k = 10

    def inner(v):
        return v * k + SCALE

    return [inner(v) for v in xs]


@bodo.jit
def tally(words):
    counts = {}

    def bump(w, n):
        counts[w] = counts.get(w, 0) + n

    for w in words:
        bump(w, 1)
    bump("extra", 5)
    return counts


@bodo.jit
def ranking(rows):
    def by_score(r):
        return -r[1], r[0]

    def fact(n):
        if n <= 1:
            return 1
        return n * fact(n - 1)

    def helper(a):
        def deep(b):
            return a + b + len(rows)

        return deep(1)

    return sorted(rows, key=by_score), fact(5), helper(10), min(rows, key=by_score)


@bodo.jit
def late_binding(xs):
    def sq(v):
        return v * v

    offset = 0

    def shifted(v):
        return v + offset

    first = shifted(1)
    offset = 100
    return list(map(sq, xs)), first, shifted(1), sum(sq(v) for v in xs)


@bodo.jit
def over_limit(xs):
    global LIMIT
    return [x for x in xs if x > LIMIT]


@bodo.jit
def radix(n):
    return hex(n), oct(n), bin(n), bin(n)[2:].zfill(8)


def driver_total(xs):
    def add_one(v):
        return v + 1

    total = 0
    for x in xs:
        total += add_one(x)
    return total


print(scaled([1, 2, 3]))
print(tally(["a", "b", "a"]))
print(ranking([("x", 3), ("y", 5), ("z", 3)]))
print(late_binding([1, 2, 3, 4]))
print(over_limit([3, 5, 7, 1]))
for n in [255, -10, 0, 7]:
    print(n, radix(n))
print(driver_total([1, 2, 3]), hex(4096), f"{oct(64)}")
