# tier1: 2D features built in prange, column means by vector.matrix dot, means passed back as a lookup table read in prange
import numpy as np
import bodo


@bodo.jit
def feats(n):
    X = np.zeros((n, 3))
    x = np.arange(n) * 0.5
    X[:, 0] = 1.0
    for i in bodo.prange(n):
        X[i, 1] = x[i]
        X[i, 2] = x[i] * x[i]
    mu = np.dot(np.ones(n), X) / n
    return X, mu


@bodo.jit
def normalise(X, mu):
    n = X.shape[0]
    Y = np.empty((n, 3))
    for i in bodo.prange(n):
        for j in range(3):
            Y[i, j] = X[i, j] - mu[j]
    return Y, np.abs(np.dot(np.ones(n), Y)).max() < 1e-6


X, mu = feats(1001)
Y, ok = normalise(X, mu)
print(mu, ok, Y[:2], Y.shape)
print(X[-1], X[:, 1].sum(), Y[:, 2].max())
