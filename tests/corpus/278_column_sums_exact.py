# tier1: float sums along axis 0 of distributed 2D arrays fold rows in NumPy's order at any rank count (near-zero column means of standardized data print the same digits and signs)
import numpy as np
import bodo


@bodo.jit
def standardize(n):
    x = np.sin(np.arange(n) * 0.37) * 3.0 + 1.0
    X = x.reshape(n // 4, 4)
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    P = np.cos(X) + 1.5
    return Z.mean(axis=0), Z.sum(axis=0), Z.sum(axis=0).round(8), Z.var(axis=0), P.prod(axis=0), np.mean(Z, axis=0).round(12)


@bodo.jit(distributed=["X"])
def column_stats(X):
    return X.sum(axis=0), X.std(axis=0, ddof=1), (X - X.mean(axis=0)).sum(axis=0)


for v in standardize(1000):
    print(v)
for v in column_stats(np.arange(30.0).reshape(10, 3) * 0.1):
    print(v)
