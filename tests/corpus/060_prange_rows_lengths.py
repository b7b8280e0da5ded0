# tier1: prange details: `l += [x]` concatenation reduction, rows X[i, :] / X[i] and X[i, -1] of a 2D array, arrays of different lengths indexed by the loop variable (the loop range past the shortest), table[idx[i]] lookups (table becomes REP)
import numpy as np

import bodo


@bodo.jit
def evens(n):
    found = []
    total = 0
    for i in bodo.prange(n):
        if i % 3 == 0:
            found += [i * 2]
        total += i
    return found, total


@bodo.jit
def grid(n, m):
    X = np.ones((n, m))
    for i in bodo.prange(n):
        for j in range(m):
            X[i, j] = i * 10 + j
    return X


@bodo.jit
def row_stats(X):
    n = X.shape[0]
    sums = np.empty(n)
    last = np.empty(n)
    for i in bodo.prange(n):
        sums[i] = X[i, :].sum()
        last[i] = X[i, -1] + X[i].max()
    return sums, last


@bodo.jit
def shorter_output(n):
    a = np.arange(n) * 2.0
    out = np.zeros(n - 1)
    for i in bodo.prange(n - 1):
        out[i] = a[i] * 3
    return out


@bodo.jit
def guarded(n, m):
    a = np.arange(m) * 1.0
    w = np.zeros(n)
    s = 0.0
    cnt = 0
    for i in bodo.prange(n):
        if i < m:
            s += a[i]
        w[i] = i * 0.5
        cnt += 1
    return s, cnt, w.sum()


@bodo.jit
def lookup(n):
    table = np.arange(10) * 1.5
    idx = np.arange(n) * 7 % 10
    out = np.empty(n)
    for i in bodo.prange(n):
        out[i] = table[idx[i]]
    return out


for n in [0, 1, 2, 7, 31]:
    found, total = evens(n)
    print(n, sorted(found), int(total))
for n in [1, 2, 5]:
    X = grid(n, 3)
    sums, last = row_stats(X)
    print(X.sum(), sums, last)
for n in [2, 3, 7, 10]:
    print(shorter_output(n))
    s, cnt, ws = guarded(n, n // 2)
    print(float(s), int(cnt), float(ws))
print(lookup(13))
