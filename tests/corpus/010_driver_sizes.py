# tier1: driver code asks a distributed result for len/shape/size/ndim without gathering it
import numpy as np
import bodo

@bodo.jit
def make_points(n, d):
    points = np.empty((n, d))
    for j in bodo.prange(n):
        for k in range(d):
            points[j, k] = j * 0.5 + k
    return points

@bodo.jit
def ramp(n):
    return np.arange(n) * 2

@bodo.jit(distributed=["p"])
def total(p):
    return p.sum()

points = make_points(11, 3)
print(len(points), points.shape, points.size, points.ndim)
r = ramp(7)
print(len(r), r.shape, r.size)
print(total(points))
n = len(r)
print(n + 1, r.shape[0])
