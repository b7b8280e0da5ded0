# tier1: distributed arrays stored in lists, dicts and tuples are printed whole
import bodo
import numpy as np


@bodo.jit
def build(n):
    a = np.arange(n)
    b = np.ones(n) * 2.5
    c = np.concatenate([a * 1.0, b])
    d = {}
    d["b"] = b + 1
    l = []
    l.append(a * 3)
    parts = [a[i:i + 3] for i in range(0, 6, 3)]
    return [a], {"x": a}, (a, 1), d, l, parts, len(c), float(c.sum())


for v in build(11):
    print(v)
