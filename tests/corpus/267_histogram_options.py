# tier1: np.histogram with range=, density=, positional arguments and explicit edges (array or list), on distributed data
import numpy as np
import bodo


@bodo.jit
def hist(n):
    x = np.sin(np.arange(n) * 0.37) * 3.0 + (np.arange(n) % 5) * 0.2
    c1, e1 = np.histogram(x, bins=6, range=(-2.0, 2.0))
    c2, e2 = np.histogram(x, 4, (0, 1), True)
    c3, e3 = np.histogram(x, bins=[-3, -1, 0, 1, 3])
    d3, _ = np.histogram(x, bins=np.linspace(-4.0, 4.0, 9), density=True)
    c5, e5 = np.histogram(x, density=False)
    c6, e6 = np.histogram(np.arange(n) % 7, bins=7, range=(0, 7))
    c7, e7 = np.histogram(x, 3, range=(1.5, 1.5))
    return c1, e1, c2, e2, c3, e3, d3, c5, e5, c6, e6, c7, e7


@bodo.jit
def bad(n, lo, hi):
    c, e = np.histogram(np.arange(n) * 1.0, bins=3, range=(lo, hi))
    return c


for v in hist(300):
    print(v)
print(np.histogram(np.array([1.0, 2.0, np.nan, 9.0]), bins=[0.0, 2.0, 10.0]))
for lo, hi in ((0.0, 5.0), (5.0, 1.0), (0.0, np.inf)):
    try:
        print(bad(10, lo, hi))
    except ValueError as e:
        print("ValueError:", e)
try:
    print(np.histogram(np.arange(5), bins=[3, 1, 2]))
except ValueError as e:
    print("ValueError:", e)
