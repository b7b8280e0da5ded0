# tier1: a.clip/a.round methods, np.average (axis=, weights=), np.hypot, np.degrees/np.radians, arguments read twice (constructors, columns)
import numpy as np
import bodo


@bodo.jit
def more(n):
    x = np.arange(n) * 0.5 - 1.0
    w = np.arange(n) + 1.0
    X = np.arange(n * 2).reshape(n, 2) * 1.0
    a = x.clip(0, 1)
    r = (x / 3).round(2)
    r0 = (x * 1.3).round()
    av = np.average(x)
    aw = np.average(x, weights=w)
    ax = np.average(X, axis=0)
    axw = np.average(X, 1, np.ones((n, 2)))
    h = np.hypot(x, w)
    d = np.degrees(x)
    rd = np.radians(d)
    return a, r, r0, av, aw, ax, axw[:3], h[:3], d[:3], rd[:3], np.clip(x, -0.5, 0.5)


for v in more(9):
    print(v)
print(np.average(np.array([1.0, 2.0, 4.0]), weights=np.array([3.0, 1.0, 0.0])))


@bodo.jit
def columns(X):
    s = 0.0
    for j in range(X.shape[1]):
        s += np.average(X[:, j], weights=np.arange(X.shape[0]) + 1.0) + np.ptp(X[:, j])
    return s, np.hypot(X[:, 0], X[:, 1])[-2:], np.allclose(X[:, 0] * 2.0, X[:, 0] + X[:, 0])


for v in columns(np.arange(12.0).reshape(6, 2)):
    print(v)
