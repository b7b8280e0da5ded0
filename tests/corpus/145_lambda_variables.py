# tier0: lambdas bound to variables (in functions and at module level) and called, with defaults, keyword arguments and closures over locals (late binding), lambdas calling other lambdas and themselves, used as key= for sorted/min/max and as map's function, in jit and driver code
import bodo

first = lambda r: r[0]


@bodo.jit
def transform(xs, scale):
    double = lambda x: x * 2
    key = lambda r: r[1]
    rows = [(1, "b"), (2, "a"), (3, "c")]
    print(double(3), double(1.5), double("ab"), [double(x) for x in xs])
    print(sorted(rows, key=key), min(rows, key=key), max(rows, key=key))
    print(list(map(double, xs)))
    scaled = lambda a, b=1: a + b * scale
    print(scaled(1), scaled(1, 5), scaled(b=2, a=3))
    count = lambda: len(xs)
    xs.append(9)
    print(count())
    print(first(rows), sorted(rows, key=first, reverse=True))
    by_len = lambda w: (len(w), w)
    return sorted(["ccc", "a", "bb", "aa"], key=by_len)


@bodo.jit
def chained(n, base):
    off = lambda k: k + base
    both = lambda k: off(k) * 2
    fact = lambda k: 1 if k <= 1 else k * fact(k - 1)
    out = []
    for i in range(n):
        step = lambda v: v + i
        out.append(step(both(i)))
    base = 100
    print(both(1), fact(6), off(0))
    return out


def driver_side():
    square = lambda v: v * v
    return [square(i) for i in range(4)]


print(transform([3, 1, 2], 10))
print(chained(4, 1))
print(driver_side())
cube = lambda z: z**3
print(cube(3), sorted([3, -4, 1], key=cube))
