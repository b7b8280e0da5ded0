# tier1: X[rows, cols] paired fancy indexing (an int beside an array too, negative indices, NumPy's errors), np.split/np.array_split into lists of arrays, np.lexsort, np.expand_dims, np.nan_to_num
import numpy as np

import bodo


@bodo.jit
def best_per_row(n):
    X = ((np.arange(n * 4).reshape(n, 4) * 7) % 13) * 0.5
    best = np.argmax(X, axis=1)
    rows = np.arange(n)
    top = X[rows, best]
    picks = X[np.array([0, n - 1, -2]), np.array([1, -1, 0])]
    return top, picks, X[np.array([1, 3]), 2], X[2, [0, 3]]


@bodo.jit
def out_of_bounds(n):
    X = np.arange(n * 3).reshape(n, 3)
    return X[np.array([0, 1]), np.array([0, 3])]


@bodo.jit
def unequal_pairs(n):
    X = np.arange(n * 3).reshape(n, 3)
    return X[np.array([0, 1, 2]), np.array([0, 1])]


@bodo.jit
def fold_means(n, k):
    x = np.arange(n) * 1.5
    parts = np.array_split(x, k)
    sizes = [len(p) for p in parts]
    firsts = [float(p[0]) for p in parts]
    return sizes, firsts, parts[-1], np.split(np.arange(n), [2, -1, 100])


@bodo.jit
def halves(n):
    X = np.arange(n * 2).reshape(n, 2)
    a, b = np.split(X, 2)
    return a, b.sum()


@bodo.jit
def bad_split(n):
    return np.split(np.arange(n), 3)


@bodo.jit
def league(n):
    team = np.arange(n) % 3
    points = (np.arange(n) * 7) % 5
    order = np.lexsort((points, team))
    return order, team[order], points[order]


@bodo.jit
def clean(n):
    a = np.arange(n) * 1.0
    b = np.where(a > 6, np.nan, a)
    c = np.where(a < 2, np.inf, b)
    d = np.where(a == 3, -np.inf, c)
    col = np.expand_dims(np.nan_to_num(d, posinf=100.0, neginf=-100.0), 1)
    return np.nan_to_num(d), np.nan_to_num(d, nan=-1.0), np.nan_to_num(np.arange(n)), col.shape, col[:3]


top, picks, pair_col, row_pair = best_per_row(8)
print(top)
print(picks, pair_col, row_pair)
try:
    print(out_of_bounds(5))
except IndexError as e:
    print("IndexError:", e)
try:
    print(unequal_pairs(5))
except IndexError as e:
    print("IndexError:", e)
sizes, firsts, last, pieces = fold_means(11, 3)
print(sizes, firsts, last)
print(pieces)
a, s = halves(6)
print(a)
print(s)
try:
    print(bad_split(10))
except ValueError as e:
    print("ValueError:", e)
order, teams, points = league(11)
print(order)
print(teams)
print(points)
a, b, c, shape, col = clean(10)
print(a)
print(b)
print(c, shape)
print(col)
