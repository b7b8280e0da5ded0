# tier1: driver code keeps a comparison of a jit result in a variable (array, not bool) and uses tolist()
import numpy as np

import bodo


@bodo.jit
def readings(n):
    i = np.arange(n)
    return 20.0 + 5.0 * np.sin(i * 0.01) + ((i * 37) % 11) / 10.0


@bodo.jit
def above_mean(x):
    m = x.mean()
    sel = x[x > m]
    vals = sel[:5].tolist()
    total = 0.0
    for v in vals:
        total += v
    return m, vals, total, len(sel)


x = readings(600)
hot = x > 24.0
cold = x <= 16.0
print("hot:", hot.sum(), "cold:", cold.sum(), "either:", (hot | cold).sum())
flags = hot[:8].tolist()
print(flags, [int(f) for f in flags])
m, vals, total, k = above_mean(x)
print(f"mean {m:.6f} above {k}")
print(vals, round(total, 9))
xs = (x[:6] * 2.0).tolist()
xs.append(0.0)
print(sorted(xs)[:3], len(xs))
print(np.arange(5).tolist(), (np.arange(4) > 1).tolist())
