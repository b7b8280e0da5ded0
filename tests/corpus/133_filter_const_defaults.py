# tier0: filter(f, xs) and filter(None, xs), module constants (and arithmetic of them) as default argument values
import bodo

TAX = 0.2
LO = 10


def plain_helper(x):
    return x * 2 + 1


@bodo.jit
def price(base, qty=1, discount=0.0, tax=TAX):
    gross = base * qty * (1 - discount)
    return round(gross * (1 + tax), 2)


@bodo.jit
def clamp(x, lo=LO, hi=LO * 10):
    return max(lo, min(hi, x))


@bodo.jit
def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / n
    return n, mean, var ** 0.5, min(xs), max(xs)


@bodo.jit
def driver(xs):
    n, mean, sd, lo, hi = stats(xs)
    return f"n={n} mean={mean:.3f} sd={sd:.3f} range=[{lo}, {hi}]", [clamp(x) for x in xs]


print(price(10.0), price(10.0, 3), price(10.0, qty=2, discount=0.5), price(base=1.0, tax=0.0))
print(clamp(5), clamp(500), clamp(50, hi=40), clamp(-3, lo=-5))
print(driver([3, 150, 42, 7, 99]))
print(plain_helper(20), [plain_helper(i) for i in range(3)])


@bodo.jit
def keep(xs, lo=LO, limit=LO * 5):
    big = list(filter(lambda x: x >= lo, xs))
    truthy = [x for x in filter(None, [v % 3 for v in xs])]
    short = list(filter(str.isalpha, ["ab", "c1", "", "xyz"]))
    return big, truthy, short, sum(filter(lambda v: v < limit, xs))


print(keep([3, 10, 12, 60, 9, 41]))
print(keep([1, 2], 0, 2), list(filter(None, ["", "a", "b"])), list(filter(lambda s: len(s) > 1, ["aa", "b"])))
