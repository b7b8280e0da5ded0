# tier1: jit functions called inside prange bodies and under rank branches run on one rank alone (whole arrays, no collectives)
import numpy as np

import bodo


@bodo.jit
def inner_sum(k):
    s = 0.0
    for j in bodo.prange(k):
        s += j * 0.5
    return s


@bodo.jit
def path(p, steps):
    x = np.zeros(steps)
    for t in range(1, steps):
        x[t] = x[t - 1] * 0.9 + p
    return x


@bodo.jit
def simulate(p):
    x = np.arange(50) * p
    return x.sum() / 50 + np.cos(x).mean()


@bodo.jit
def score(p):
    x = path(p, 20)
    return x.max() - x.min() + inner_sum(5)


@bodo.jit
def sweep(n):
    params = np.linspace(0.1, 2.0, n)
    out = np.empty(n)
    sims = np.empty(n)
    best = -1.0
    for i in bodo.prange(n):
        v = score(params[i])
        out[i] = v
        sims[i] = simulate(params[i])
        best = max(best, v)
    whole = score(1.0)
    big = path(0.5, n)
    return out, sims, best, whole, big.sum(), inner_sum(n)


@bodo.jit
def rank_zero_total(n):
    total = 0.0
    if bodo.get_rank() == 0:
        total = simulate(0.25) + path(1.0, n).sum()
    return total


for n in [1, 3, 8]:
    out, sims, best, whole, bs, isum = sweep(n)
    print(out)
    print(sims)
    print(best, whole, bs, isum)
print(rank_zero_total(6))
