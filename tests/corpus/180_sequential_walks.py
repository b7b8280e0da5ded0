# tier1: sequential loops walking distributed arrays by position (for over range(len(x)), while i < x.shape[0]) read each element once gathered; a few reads keep the array distributed
import numpy as np

import bodo


@bodo.jit
def histogram(n):
    x = np.arange(n) % 7
    counts = [0] * 7
    for i in range(len(x)):
        counts[int(x[i])] += 1
    return counts


@bodo.jit
def recurrence(n):
    # an exponential moving average: each element needs the previous one
    x = np.sin(np.arange(n) * 0.01) + 1.0
    for i in range(1, x.size):
        x[i] = 0.9 * x[i - 1] + 0.1 * x[i]
    return x.sum(), x[len(x) - 1]


@bodo.jit
def every_third(n):
    y = np.arange(n) * 2
    total = 0
    i = 0
    while i < y.shape[0]:
        total += y[i]
        i += 3
    return total


@bodo.jit
def corners(X, k):
    picked = []
    for j in range(k):
        picked.append(float(X[5 * j, 1]))
    return picked


@bodo.jit
def grid(n):
    return np.arange(n * 2).reshape(n, 2) * 0.5


print(histogram(7000))
s, last = recurrence(5000)
print(round(s, 6), round(last, 9))
print(every_third(10000))
print(corners(grid(40), 5))
