# NaN-ignoring reductions read their array twice, so it must not be a random draw; only nansum/nanmean/nanmax/nanmin take an axis
import numpy as np
import bodo


@bodo.jit
def total(X):
    s = 0.0
    for j in range(X.shape[1]):
        s += np.nansum(np.random.rand(4) * X[:, j])
    return s + np.nanstd(X, axis=0).sum()


print(total(np.ones((4, 3))))
