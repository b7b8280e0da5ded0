# tier1: prange reductions written as s = s + x, s = x + s, chained, -=, /=, p = p * x, lst = lst + [x]; iteration-private scalars, lists and arrays assigned in the body
import numpy as np

import bodo
from bodo import prange


@bodo.jit
def plain_forms(n):
    A = np.arange(n) * 0.5 + 1.0
    s = 0.0
    t = 10.0
    u = 0.0
    p = 1.0
    q = 1.0
    for i in prange(n):
        s = s + A[i]
        t = t - A[i]
        u = 2.0 * A[i] + u + 1.0
        p = p * 1.01
        q /= 1.001
    return s, t, u, p, q


@bodo.jit
def int_forms(n):
    total = 0
    down = 1000
    for i in prange(n):
        total = total + i % 7
        down -= i
    return total, down


@bodo.jit
def list_forms(n):
    out = []
    for i in prange(n):
        if i % 4 == 1:
            out = out + [i * 10]
    return out


@bodo.jit
def private_values(n):
    A = np.arange(n) % 9
    tot = 0
    big = 0
    for i in prange(n):
        row = 0
        for j in range(A[i]):
            row += j
        tmp = []
        for j in range(i % 3):
            tmp.append(j)
        cell = np.zeros(3)
        cell[0] = A[i]
        cell[2] = cell[0] * 2.0
        tot += row + len(tmp)
        big = max(big, cell.sum())
    return tot, big


s, t, u, p, q = plain_forms(50)
print(s, t, u)
print(round(p, 9), round(q, 9))
total, down = int_forms(77)
print(total, down)
out = list_forms(40)
print(len(out), sorted(out))
tot, big = private_values(60)
print(tot, big)
