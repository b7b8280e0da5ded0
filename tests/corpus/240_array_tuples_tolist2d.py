# tier1: np.array() of a list of tuples (2D, NumPy's dtype promotion) and tolist() of 2D arrays (nested row lists), in jit and driver code
import numpy as np

import bodo


@bodo.jit
def column_totals(m):
    return m.sum(axis=0), m.tolist()


@bodo.jit
def grid(n):
    g = np.arange(n * 3).reshape(n, 3) % 4
    rows = g.tolist()
    best = 0
    for r in rows:
        best = max(best, sum(r))
    return rows, best, (g > 1).tolist()


records = [("ann", 3, 2.5), ("bob", 1, 4.0), ("cy", 7, 0.5)]
pairs = [(qty, price) for _, qty, price in records]
m = np.array(pairs)
print(m.dtype, m.shape)
print(m)
totals, as_lists = column_totals(m)
print(totals, as_lists)
ints = np.array([(1, 2), (3, 4), (5, 6)])
print(ints.dtype, ints.T.tolist(), np.array([(True, False), (False, False)]).sum())
rows, best, flags = grid(8)
print(rows[:3], len(rows), best)
print(flags[-1], [sum(r) for r in rows])
print([[round(v * 1.5, 1) for v in r] for r in np.array([(0.1, 0.2)]).tolist()])
