# tier1: np.sort(X, axis=0) of 2D arrays, np.histogram(weights=) (int and float weights, density), np.nanmax/np.nanmin along an axis (all-NaN columns, int arrays)
import numpy as np
import bodo


@bodo.jit
def f(n):
    X = (np.arange(n * 3).reshape(n, 3) * 7) % 11 * 1.5
    S0 = np.sort(X, axis=0)
    S1 = np.sort(X, axis=1)
    S = np.sort(X)
    return S0[:4], S0[-2:], S1[:3], S[:2]


@bodo.jit
def g(n):
    x = np.arange(n) * 0.37 % 5.0
    w = np.arange(n) % 3 + 0.5
    h, e = np.histogram(x, bins=5, weights=w)
    h2, e2 = np.histogram(x, bins=4, range=(0.0, 4.0), weights=w, density=True)
    return h, e, h2, e2


@bodo.jit
def nanr(n):
    X = np.arange(n * 3).reshape(n, 3) * 1.0
    X[1, 1] = np.nan
    X[2, 0] = np.nan
    return np.nanmax(X, axis=0), np.nanmin(X, axis=1)[:4], np.nansum(X, axis=0), np.nanmean(X, axis=0), np.nansum(X, axis=1)[:3]


@bodo.jit
def mixed(n):
    x = np.arange(n) % 7
    w = np.arange(n) % 3
    h, e = np.histogram(x, bins=[0, 2, 4, 7], weights=w)
    hb, eb = np.histogram(x * 1.5, 3, None, False, w * 1.0)
    X = np.arange(n * 2).reshape(n, 2) * 1.0
    X[0, 0] = np.nan
    X[1, 0] = np.nan
    I = np.arange(n * 2).reshape(n, 2) % 5
    return h, e, hb, eb, np.nanmax(X[:2], axis=0), np.nanmin(I, axis=0), np.nanmax(I, axis=1)[:3], np.sort(I, axis=0)[:3], np.sort(X, axis=-2)[-3:]


for r in f(9):
    print(r)
for r in g(50):
    print(r)
for r in nanr(7):
    print(r)
for r in mixed(20):
    print(r)
