# Logistic regression by gradient descent on row-distributed 2D points:
# matrix-vector and vector-matrix np.dot in a loop. train declares its
# argument distributed, as Bodo needs in SPMD mode for an array argument.
# alternatives: numpy, bodo, bodo-cached
import numpy as np

import bodo


@bodo.jit
def make_points(n, d):
    points = np.empty((n, d))
    for j in bodo.prange(n):
        for k in range(d):
            points[j, k] = ((j * (k + 3) + 7 * k) % 23) / 23.0 - 0.5
    return points


@bodo.jit(distributed=["points"])
def train(points, iterations):
    d = points.shape[1]
    labels = np.where(np.dot(points, np.arange(d) * 1.0 - 1.5) > 0.0, 1.0, -1.0)
    w = np.zeros(d)
    for it in range(iterations):
        margin = labels * np.dot(points, w)
        w -= np.dot((1.0 / (1.0 + np.exp(-margin)) - 1.0) * labels, points) / len(labels)
    return w


points = make_points(2000000, 8)
w = train(points, 20)
print("trained:", len(w), w[7] > w[0])
print("weights 0 and 7:", round(w[0], 6), round(w[7], 6))
