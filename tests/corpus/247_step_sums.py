# tier1: sums and means a range loop takes of one column per step (np.sum(np.where(m, X[:, c], 0.0)), X[:, c].mean()) are taken in one pass before the loop: masked centroids, prints between them, an error met mid-loop, and loops that must keep the plain order (continue, inputs changed by the loop)
import numpy as np

import bodo


@bodo.jit
def make(n, d):
    rows = np.arange(n * d) // d
    cols = np.arange(n * d) % d
    return (((rows * (cols + 5) + 3 * cols) % 17) / 17.0 + rows * 2e-4 * (cols + 1)).reshape(n, d)


@bodo.jit(distributed=["X"])
def centroids(X, k):
    n, d = X.shape
    C = np.zeros((k, d))
    lab = np.arange(n) % k
    for j in range(k):
        m = lab == j
        cnt = m.sum()
        for c in range(d):
            C[j, c] = np.sum(np.where(m, X[:, c], 0.0)) / cnt
    return C


@bodo.jit(distributed=["X"])
def stats(X):
    n, d = X.shape
    mu = np.zeros(d)
    tot = 0.0
    for c in range(d):
        mu[c] = X[:, c].mean()
        print("column", c, round(X[:, c].sum(), 9), round(np.mean(X[:, c] * c), 12))
        tot += np.sum(X[:, c] ** 2)
    print("means:", round(mu[0], 12), round(mu[d - 1], 12), "squares:", round(tot, 9))


@bodo.jit(distributed=["X"])
def errors(X):
    n, d = X.shape
    total = 0.0
    try:
        for c in range(d + 3):
            print("step", c)
            total += np.sum(X[:, c])
    except IndexError as e:
        print("IndexError:", e, "at", c)
    print("total:", round(total, 9))


@bodo.jit(distributed=["X"])
def plain_order(X):
    n, d = X.shape
    total = 0.0
    for c in range(d):
        if c == 1:
            continue
        total += np.sum(X[:, c])
    v = np.zeros(n)
    grown = 0.0
    for c in range(d):
        grown += np.sum(X[:, c] + v)
        v = v + 1.0
    w = np.ones(n)
    scaled = 0.0
    for c in range(d):
        scaled += np.sum(X[:, c] * w)
        w *= 2.0
    print("plain:", round(total, 9), round(grown, 9), round(scaled, 9))


@bodo.jit
def few(k):
    X = np.arange(15.0).reshape(5, 3)
    for c in range(3):
        print("few", c, np.sum(X[:, c] * k), np.mean(X[:, c]))


X = make(1003, 4)
C = centroids(X, 3)
for j in range(3):
    print("centroid", j, round(C[j, 0], 12), round(C[j, 1], 12), round(C[j, 2], 12), round(C[j, 3], 12))
stats(X)
errors(X)
plain_order(X)
few(0.5)
