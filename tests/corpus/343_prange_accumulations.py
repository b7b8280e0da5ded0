# tier1: prange loops accumulating into arrays at computed rows (counts[k] += 1, sums[c] += X[i], x[j] = x[j] + v, *=) reduced over ranks, also through parameters
import numpy as np

import bodo


@bodo.jit
def hist(n, k):
    a = (np.arange(n) * 7) % 13
    counts = np.zeros(k, np.int64)
    for i in bodo.prange(n):
        counts[a[i] % k] += 1
    return counts


@bodo.jit
def kmeans_step(n, k):
    X = np.arange(n * 2).reshape(n, 2) * 0.1
    C = X[:k].copy()
    sums = np.zeros((k, 2))
    cnt = np.zeros(k)
    for i in bodo.prange(n):
        d = ((C - X[i]) ** 2).sum(axis=1)
        c = np.argmin(d)
        sums[c] += X[i]
        cnt[c] += 1.0
    return sums / np.maximum(cnt, 1.0)[:, None], cnt


@bodo.jit
def stepped(n):
    marks = np.zeros(n)
    for i in bodo.prange(0, n, 3):
        marks[i] += 1.5
        marks[(i + 1) % n] -= 0.5
    return marks


@bodo.jit
def scaled(n):
    f = np.ones(4)
    for i in bodo.prange(n):
        f[i % 4] *= 1.5
    return f


for n in [1, 4, 10, 25]:
    print(hist(n, 5))
    s, c = kmeans_step(n, min(n, 3))
    print(s, c)
    print(stepped(n))
    print(scaled(n))
@bodo.jit
def add_counts(a, counts):
    for i in bodo.prange(len(a)):
        counts[a[i] % len(counts)] += 1
    return counts.sum()


@bodo.jit
def driver(n):
    a = np.arange(n) * 3
    counts = np.zeros(4, np.int64)
    t = add_counts(a, counts)
    t2 = add_counts(a[a > 5], counts)
    return counts, t, t2


@bodo.jit
def scatter_add(n):
    idx = (np.arange(n) * 5) % 7
    vals = np.arange(n) * 1.0
    out = np.zeros(7)
    for i in bodo.prange(n):
        out[idx[i]] += vals[i]
        out[(idx[i] + 1) % 7] = out[(idx[i] + 1) % 7] + 0.5
    return out


for n in [0, 3, 10]:
    c, t, t2 = driver(n)
    print(c, t, t2)
    print(scatter_add(n))
    cc = np.zeros(4, np.int64)
    print(add_counts(np.arange(n), cc), cc)
