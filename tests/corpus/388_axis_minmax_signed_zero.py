# tier1: min/max along axis 0 and 1 of 2D arrays holding zeros of both signs (rows negated in place, np.round of small negatives) return the zero NumPy returns, REP and distributed
import numpy as np

import bodo


@bodo.jit
def flipped(n):
    X = np.ones((n, 4)) * np.arange(4)
    X[::2] *= -1.0
    Y = np.round(np.linspace(-0.4, 0.4, 12).reshape(4, 3))
    return X.min(axis=0), X.max(axis=0), X.max(axis=1), Y.min(axis=0), Y.max(axis=0), Y.min(axis=1), Y.max(axis=1)


@bodo.jit(distributed=["X"])
def spread(X):
    return X.min(axis=0), X.max(axis=0), X.min(axis=1), X.max(axis=1)


for v in flipped(6):
    print(v)
W = np.zeros((9, 2))
W[::4] *= -1.0
W[:, 1] = np.arange(9) - 4.0
for v in spread(W):
    print(v)
