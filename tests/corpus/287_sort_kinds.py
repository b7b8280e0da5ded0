# tier1: np.sort / np.argsort / a.argsort with kind= (stable and the other NumPy names), ranking by a key without ties
import numpy as np

import bodo


@bodo.jit
def rank(n, k):
    ids = np.arange(n)
    score = (ids * 37 % 101) / 101.0 + (ids % 10 == 0) * 0.25
    order = np.argsort(-score, kind="stable")
    by_heap = np.argsort(score + ids * 1e-9, kind="heapsort")
    chosen = ids[order[:k]]
    return chosen.tolist(), np.round(score[order[:k]], 4).tolist(), by_heap[:3].tolist(), int(score.argsort(kind="mergesort")[-1])


@bodo.jit
def sorted_vals(n):
    x = (np.arange(n) * 7919) % 1000
    return np.sort(x, kind="quicksort")[:5], np.sort(x * 1.5, kind="stable")[-3:]


print(rank(997, 5))
lo, hi = sorted_vals(500)
print(lo, hi)
