# tier1: in-place array methods a.sort() (1D, distributed; 2D sorts each row) and a.fill(v) (1D and 2D), beside list.sort()
import numpy as np
import bodo


@bodo.jit
def f(n):
    a = (np.arange(n) * 7) % 11
    a.sort()
    b = np.zeros(n)
    b.fill(2.5)
    b[:] = b * 2
    c = np.arange(6).reshape(2, 3)
    c[:, :2] = 9
    c.fill(1)
    xs = [3, 1, 2]
    xs.sort()
    return a, b[:3], c, xs


@bodo.jit
def g(n):
    r = np.random.rand(n) * 0 + np.arange(n)[::-1]
    r.sort()
    return r[:3], r[-2:], float(r.sum())


@bodo.jit
def rows(n):
    A = ((np.arange(n * 3) * 7) % 10).reshape(n, 3) * 1.0
    A.sort()
    return A


print(f(12))
print(rows(5))
print(g(1001))
