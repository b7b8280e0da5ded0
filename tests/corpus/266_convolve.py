# tier1: np.convolve full/same/valid (moving averages, int kernels, lists, the shorter input sliding) on distributed data
import numpy as np
import bodo


@bodo.jit
def smooth(n, k):
    x = np.sin(np.arange(n) * 0.1) * 10.0 + (np.arange(n) % 4)
    ma = np.convolve(x, np.ones(k) / k, mode="valid")
    same = np.convolve(x, np.ones(k) / k, "same")
    full = np.convolve(x, [0.25, 0.5, 0.25])
    return ma, same, full, ma.max(), np.argmax(ma)


@bodo.jit
def ints(n):
    a = np.arange(n) % 7
    edge = np.array([1, -2, 1])
    c = np.convolve(a, edge)
    d = np.convolve(edge, a, mode="same")
    e = np.convolve(a, a, mode="valid")
    f = np.convolve(np.arange(4), np.arange(n), "same")
    return c, d, e, f, c.sum()


@bodo.jit
def moving_average(x, k):
    return np.convolve(x, np.ones(k), "valid") / k


@bodo.jit(distributed=False)
def small():
    return np.convolve(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5]))


ma, same, full, best, at = smooth(50, 5)
print(ma)
print(same)
print(full)
print(len(ma), len(same), len(full), best, at)
for v in ints(23):
    print(v)
print(small())
x = np.arange(10.0)
print(moving_average(x, 3))
print(moving_average(x, 12))
print(np.convolve([1, 2, 3], [0, 1, 0.5], "same"))
print(np.convolve(np.array([True, False, True]), np.array([True, True])))
try:
    print(moving_average(np.zeros(0), 2))
except ValueError as e:
    print("ValueError:", e)
