# tier1: float sums, means, variances of many sizes (NumPy's pairwise summation order; exact digits at 1 rank)
import numpy as np

import bodo


@bodo.jit
def stats(n):
    x = np.sin(np.arange(n) * 0.1) * 1000.0 + 0.1
    X = np.ones((n, 3)) * 0.1 + 1e-3
    return x.sum(), np.sum(x * 3.3), x.mean(), x.var(), x.std(), X.sum(), np.sum(x[x > 0])


for n in [1, 5, 8, 9, 100, 128, 129, 1000, 12345, 300001]:
    s, s3, m, v, sd, t, pos = stats(n)
    print(n, s, s3, m, v, sd, t, pos)
