# tier1: sequential loops (for, while, comprehensions) reading and writing distributed arrays element by element
import numpy as np

import bodo


@bodo.jit
def dot_by_hand(n):
    a = np.arange(n) * 0.5
    b = np.ones(n) - np.arange(n) / n
    s = 0.0
    for i in range(n):
        s += a[i] * b[i]
    back = 0
    for i in range(1, n + 1):
        back += int(a[-i] * 2) % 7
    return s, back


@bodo.jit
def running_max(n):
    x = (np.arange(n) * 37) % 101
    out = np.zeros(n, np.int64)
    best = -1
    for i in range(n):
        if x[i] > best:
            best = x[i]
        out[i] = best
    return out.sum(), out[n // 2]


@bodo.jit
def first_above(n, limit):
    x = np.arange(n) % 50
    for i in range(n):
        if x[i] * 3 > limit:
            return i
    return -1


@bodo.jit
def grid_walk(n, m):
    X = np.arange(n * m).reshape(n, m) % 13
    total = 0
    for j in range(m):
        for i in range(n):
            total += X[i, j] * (j + 1)
    few = 0
    for k in range(3):
        few += X[k, 0] + X[-1 - k, m - 1]
    return total, few


@bodo.jit
def prefix_in_place(n):
    y = np.arange(n) % 5
    for i in range(1, n):
        y[i] = y[i] + y[i - 1]
    return y[-1], y.sum()


@bodo.jit
def bad_index(n):
    a = np.arange(n) * 1.0
    s = 0.0
    try:
        for i in range(n + 2):
            s += a[i]
    except IndexError as e:
        print("caught:", e)
    return s


@bodo.jit
def early_break(n):
    a = np.arange(n)
    count = 0
    for i in range(n):
        if a[i] > 40:
            break
        count += a[i]
    else:
        count = -1
    return count


@bodo.jit
def comprehensions(n):
    a = np.arange(n) * 2
    b = np.arange(n) % 7
    evens = [a[i] for i in range(n) if b[i] == 3]
    total = sum(a[i] * b[i] for i in range(n))
    steps = {i: a[i] + b[i] for i in range(0, n, n // 5)}
    nested = [[a[i] + j for j in range(2)] for i in range(3)]
    return len(evens), evens[:4], total, list(steps.values()), nested[2]


@bodo.jit
def while_scan(n):
    a = (np.arange(n) * 7) % 23
    i = 0
    s = 0
    while i < n and a[i] < 100:
        s += a[i] * (i % 3)
        i += 1
    return s, i


@bodo.jit
def smooth(n):
    x = np.sin(np.arange(n) * 0.01)
    y = np.zeros(n)
    y[0] = x[0]
    for i in range(1, n):
        y[i] = 0.9 * y[i - 1] + 0.1 * x[i]
    c = np.zeros(n, np.int64)
    for i in range(n):
        c[i] += i % 4
        c[i] *= 2
    return round(y[-1], 9), round(y.sum(), 6), c.sum(), c[-3]


@bodo.jit
def table(n, m):
    G = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            G[i, j] = (i * m + j) % 11 + (G[i - 1, j] if i > 0 else 0.0)
    return G.sum(), G[n - 1, m - 1], G[-1, 0]


s, back = dot_by_hand(5000)
print(s, back)
total, middle = running_max(3000)
print(total, middle)
print(first_above(2000, 140), first_above(2000, 1000))
total, few = grid_walk(700, 4)
print(total, few)
last, total = prefix_in_place(1000)
print(last, total)
print(bad_index(600))
print(early_break(900))
count, first, total, steps, last = comprehensions(4000)
print(count, total)
print(*first)
print(*steps)
print(*last)
print(*while_scan(3000))
print(*smooth(4000))
print(*table(500, 3))
