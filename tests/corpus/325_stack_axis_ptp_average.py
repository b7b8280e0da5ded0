# tier1: np.stack(axis=1) of 1D arrays, np.ptp along an axis, np.average with 1D weights along either axis of a square 2D array and 2D weights
import numpy as np
import bodo


@bodo.jit
def f(n):
    a = np.arange(n) * 1.0
    b = np.sqrt(np.arange(n) + 1.0)
    S = np.stack([a, b], axis=1)
    S0 = np.stack((a, b), axis=0)
    X = np.arange(n * 3).reshape(n, 3) % 7
    return S[:3], S.shape, S0.shape, np.ptp(X, axis=0), np.ptp(X, axis=1)[:4], np.ptp(a), np.average(X, axis=0, weights=np.arange(n) + 1.0)


for x in f(8):
    print(x)


@bodo.jit
def weighted(n):
    x = np.arange(n) * 1.0
    w = np.arange(n) % 3 + 1.0
    X = np.arange(n * n).reshape(n, n) % 5 * 1.0
    W = (np.arange(n * n).reshape(n, n) % 4) + 1.0
    return np.average(x, axis=0, weights=w), np.average(X, axis=0, weights=w), np.average(X, axis=1, weights=w), np.average(X, axis=1, weights=W), np.average(X, weights=W)


for x in weighted(4):
    print(x)
