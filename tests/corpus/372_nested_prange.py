# tier1: a prange nested in another runs sequentially inside each outer iteration (writes out[i, j], reductions over both); continue in a prange body; a prange inside a sequential time-step loop
import numpy as np
import bodo


@bodo.jit
def f(n, steps):
    x = np.arange(n) * 1.0
    hist = []
    for t in range(steps):
        s = 0.0
        cnt = 0
        for i in bodo.prange(n):
            if x[i] < 2.0:
                continue
            x[i] = x[i] * 0.5 + t
            s += x[i]
            cnt += 1
        hist.append(s / max(cnt, 1))
    return x, hist


@bodo.jit
def nested(n, m):
    out = np.zeros((n, m))
    for i in bodo.prange(n):
        for j in bodo.prange(m):
            out[i, j] = i * m + j
    tot = 0
    for i in bodo.prange(n):
        for j in bodo.prange(m):
            tot += i * j
    return out.sum(), tot


x, h = f(10, 4)
print(x)
print(*h)
print(*nested(5, 3))
