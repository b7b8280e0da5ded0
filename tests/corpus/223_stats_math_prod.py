# tier0: descriptive statistics over lists (median, sample sd, mode by key=xs.count), math.prod with start=, of generators and ranges, geometric mean
import bodo
import math


@bodo.jit
def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    s = sorted(xs)
    med = s[n // 2] if n % 2 == 1 else (s[n // 2 - 1] + s[n // 2]) / 2
    var = sum((x - mean) ** 2 for x in xs) / (n - 1)
    mode = max(sorted(set(xs)), key=xs.count)
    return mean, med, math.sqrt(var), mode, s[-1] - s[0]


@bodo.jit
def products(xs, growth):
    geo = math.prod(xs) ** (1 / len(xs))
    compound = math.prod(1 + g for g in growth)
    return math.prod(xs), f"{geo:.6f}", f"{compound:.4f}", math.prod([]), math.prod(range(1, 11)), math.prod(growth, start=100)


print(stats([4, 1, 2, 2, 3, 9, 2, 7]))
print(stats([1.5, 2.5, 2.5]))
print(products([2, 8, 4], [0.05, -0.02, 0.1]))
print(math.prod([3, 5], start=2), math.prod(x % 4 == 1 for x in range(6)))
