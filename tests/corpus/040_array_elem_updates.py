# tier1: a[i] op= v on arrays (1D/2D, negative index, in and out of prange, driver REP arrays), linspace num=1/endpoint/default num, any/all of int and float arrays, arange dtype=
import numpy as np

import bodo


@bodo.jit
def bump(n):
    a = np.arange(n) * 3
    a[-1] = 100
    a[n // 2] += 5
    a[0] -= 7
    a[1] *= 2
    a[-2] //= 4
    X = np.zeros((n, 2))
    X[n - 1, 1] += 2.5
    X[0, 0] -= 1.0
    return a, X.sum(), X[n - 1, 1], X[0, 0]


@bodo.jit
def histogram(n, bins):
    vals = (np.arange(n) * 7919) % 97
    hist = np.zeros(bins, dtype=np.int64)
    for i in range(n):
        hist[vals[i] * bins // 97] += 1
    return hist


@bodo.jit
def scaled(n):
    out = np.ones(n)
    for i in bodo.prange(n):
        out[i] += i * 0.5
        out[i] *= -1.0
    return out.sum(), out.min()


@bodo.jit
def spaces(n):
    one = np.linspace(2.0, 5.0, 1)
    half = np.linspace(0, 10, 4, endpoint=False)
    kw = np.linspace(-1.0, 1.0, num=n, endpoint=True)
    dflt = np.linspace(0.0, 1.0)
    ints = np.arange(n, dtype=np.float64)
    return one, half, kw.sum(), len(dflt), dflt[1], ints.mean()


@bodo.jit
def truth(n):
    a = np.arange(n) % 3
    f = (np.arange(n) - 2) * 0.5
    z = np.zeros(n, dtype=np.int64)
    return a.any(), a.all(), f.all(), np.any(f), z.any(), np.all(a[1:2])


for n in [2, 3, 11, 500]:
    a, s, last, first = bump(n)
    print(n, a[:6], a[-3:], a.sum(), s, last, first)
print(histogram(1000, 5), histogram(7, 3))
print([float(x) for x in scaled(301)])
one, half, ks, nd, d1, im = spaces(9)
print(one, half, ks, nd, d1, im)
print([bool(x) for x in truth(10)], [bool(x) for x in truth(1)])
h = np.zeros(4)
for k in range(6):
    h[k % 4] += k
print(h)
