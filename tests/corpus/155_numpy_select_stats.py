# tier1: fancy indexing (int arrays and lists), np.argsort, np.diff, np.median, np.percentile, np.count_nonzero
import numpy as np

import bodo


@bodo.jit
def summarize(n):
    a = np.sin(np.arange(n) * 1.3) * 10.0
    b = np.arange(n) % 7
    print(np.median(a), np.median(b), np.percentile(a, 25), np.percentile(b, 90.0))
    print(np.percentile(a, 0), np.percentile(a, 100))
    print(np.count_nonzero(b), np.count_nonzero(a > 2.0))
    d = np.diff(a)
    print(d[:4], np.diff(b)[:8])
    order = np.argsort(a)
    print(order[:6], a[order][:3])
    idx = np.array([3, 0, 2, -1])
    print(a[idx], b[[1, 2, n - 1]])
    X = np.arange(n * 2).reshape(n, 2)
    print(X[[0, n - 1]])
    return a[order[-3:]]


print(summarize(12))
print(summarize(31))
x = np.array([3.0, 1.0, 2.0, 8.0])
print(np.median(x), np.percentile(x, 33), np.diff(x), x[[0, 0, 3]], np.argsort(x))
try:
    print(x[[5]])
except IndexError as e:
    print("IndexError:", e)
