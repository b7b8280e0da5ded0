# Kernel density estimation: a Gaussian kernel summed over a 1D
# row-distributed sample for each of a few evaluation points, one fused
# elementwise chain and one reduction per point.
# alternatives: numpy, bodo, bodo-cached
import numpy as np

import bodo


@bodo.jit
def kde(n, m, bw):
    a = np.arange(n)
    X = np.exp(np.sin(a * 0.37)) * 2.0 + np.cos(a * 0.011)
    points = np.linspace(-1.0, 7.0, m)
    res = np.zeros(m)
    for i in range(m):
        res[i] = np.sum(np.exp(-0.5 * ((points[i] - X) / bw) ** 2)) / (n * bw * np.sqrt(2 * np.pi))
    return res.sum() * (points[1] - points[0]), res.argmax(), res.max()


mass, peak, height = kde(1000000, 200, 0.25)
print("mass in range:", round(mass, 6))
print("peak at point:", peak, "density there:", round(height, 6))
