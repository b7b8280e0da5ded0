# tier1: prange bodies reading neighbours and windows (x[i - 1], x[i + k]): the array read becomes REP, as in Bodo
import numpy as np
import bodo


@bodo.jit
def signal(n):
    t = np.arange(n) * 0.01
    return np.sin(2.0 * np.pi * 3.0 * t) + 0.2


@bodo.jit
def zero_crossings(s):
    n = len(s)
    count = 0
    for i in bodo.prange(1, n):
        if s[i] * s[i - 1] < 0:
            count += 1
    return count


@bodo.jit
def central_diff(s, h):
    n = len(s)
    d = np.zeros(n - 2)
    for i in bodo.prange(n - 2):
        d[i] = (s[i + 2] - s[i]) / (2.0 * h)
    return d


@bodo.jit
def smooth(n):
    x = np.arange(n) % 5 * 1.0
    y = np.empty(n)
    for i in bodo.prange(n):
        if i == 0 or i == n - 1:
            y[i] = x[i]
        else:
            y[i] = (x[i - 1] + x[i] + x[i + 1]) / 3.0
    return y, y.sum()


@bodo.jit
def window_means(x, w):
    n = len(x) - w + 1
    out = np.zeros(n)
    for i in bodo.prange(n):
        acc = 0.0
        for k in range(w):
            acc += x[i + k]
        out[i] = acc / w
    return out


@bodo.jit
def pairs(n):
    a = np.arange(n) * 1.5
    s = 0.0
    for i in bodo.prange(n - 1):
        s += a[i] * a[i + 1]
    return s


s = signal(1000)
print("crossings:", zero_crossings(s))
d = central_diff(s, 0.01)
print(len(d), d[:3], d.max())
y, tot = smooth(20)
print(y, tot)
m = window_means(s, 25)
print(len(m), m[:4], m.argmax())
print(pairs(100))
