# tier1: prange(start, stop, step) with positive and negative steps, reductions and a concatenation, arrays read at the stepped index, an empty range, a zero step (ValueError)
import numpy as np

import bodo
from bodo import prange


@bodo.jit
def odd_squares(n):
    s = 0
    for i in prange(3, n, 2):
        s += i * i
    return s


@bodo.jit
def countdown(n):
    s = 0
    m = -1
    for i in prange(n, 0, -3):
        s += i
        m = max(m, i % 7)
    return s, m


@bodo.jit
def every_fourth(n):
    A = np.arange(n) * 0.5
    s = 0.0
    for i in prange(0, n, 4):
        s += A[i]
    return s


@bodo.jit
def picked(n):
    out = []
    for i in prange(1, n, 5):
        out.append(i)
    return out


def plain_sum(n):
    t = 0
    for i in prange(0, n, 3):
        t += i
    return t


@bodo.jit
def by_step(n, k):
    s = 0
    for i in prange(0, n, k):
        s += i
    return s


print(odd_squares(100), odd_squares(4), odd_squares(3))
s, m = countdown(50)
print(s, m)
print(every_fourth(37))
print(sorted(picked(33)))
print(plain_sum(20))
try:
    by_step(10, 0)
except ValueError as e:
    print("error:", e)
