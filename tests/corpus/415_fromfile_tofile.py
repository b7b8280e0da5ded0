# tier1: ndarray.tofile of distributed, filtered, 2D and bool arrays and np.fromfile back (dtype by position or keyword, count=, offset=), in jit, distributed=False and driver code; FileNotFoundError
import numpy as np

import bodo


@bodo.jit
def write(n):
    a = np.arange(n) * 3 - 7
    a.tofile("a_i64.bin")
    x = np.linspace(0.0, 1.0, n)
    x.tofile("x_f64.bin")
    m = a % 2 == 0
    m.tofile("m_bool.bin")
    a[m].tofile("even_i64.bin")
    M = np.arange(12.0).reshape(4, 3)
    M.tofile("m2d.bin")
    return a.sum()


@bodo.jit
def read():
    a = np.fromfile("a_i64.bin", dtype=np.int64)
    x = np.fromfile("x_f64.bin")
    m = np.fromfile("m_bool.bin", np.bool_)
    even = np.fromfile("even_i64.bin", np.int64)
    M = np.fromfile("m2d.bin", dtype=np.float64).reshape(4, 3)
    part = np.fromfile("a_i64.bin", np.int64, count=5, offset=16)
    print(len(a), a.sum(), x.mean(), m.sum(), even.sum(), a[m].sum())
    print(M.sum(axis=0), part)
    return x[::5]


@bodo.jit(distributed=False)
def ends(path):
    a = np.fromfile(path, np.int64)
    return a[:3], a[-2:]


def doubled():
    b = np.fromfile("x_f64.bin", float)
    (b * 2).tofile("x2.bin")
    return np.fromfile("x2.bin").sum()


@bodo.jit
def total(path):
    return np.fromfile(path, np.int64).sum()


print(write(23))
print(read())
print(ends("a_" + "i64.bin"))
print(doubled())
c = np.fromfile("a_i64.bin", np.int64)
print(c[:4], len(c))
d = np.arange(5.5)
d.tofile("d.bin")
print(np.fromfile("d.bin"))
try:
    print(total("missing.bin"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
print(total("even_i64.bin"))
