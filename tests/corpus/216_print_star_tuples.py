# tier1: print(*t) of tuples whose items have different types (ints, floats, bools, arrays, shapes) returned by jit functions, with sep/end, in driver and jit code
import numpy as np

import bodo


@bodo.jit
def stats(n):
    a = (np.arange(n) * 37) % 101
    big = a[a > 50]
    return len(big), big.sum(), big.mean(), (big % 2 == 0).all(), big[:3]


@bodo.jit
def shapes(n):
    X = np.ones((n, 3)) * 0.5
    print("inside:", *X.shape, sep=" x ")
    return X.shape, X.sum(), X.max() == 0.5


@bodo.jit
def pairs(n):
    total = 0
    scale = 0.0
    for i in bodo.prange(n):
        total += i % 7
        scale += i * 0.25
    return total, scale


print(*stats(1000))
print(*shapes(400), sep=" | ")
print("pairs:", *pairs(300), end=" <end>\n")
t = pairs(10)
print(*t, sep=", ")
labels = ["count", "sum", "mean", "all even", "head"]
for name, value in zip(labels, stats(500)):
    print(name, value)
print(*[v * 2 for v in range(4)], *"ab")
