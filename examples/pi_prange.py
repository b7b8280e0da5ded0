# Estimating pi two ways, as in Bodo's documentation: Monte Carlo darts with NumPy, and a prange midpoint rule.
# Tier 1 (NumPy arrays, prange reductions): each rank draws and sums its own share.
import math
import time

import numpy as np

import bodo


@bodo.jit
def darts(n):
    x = 2 * np.random.ranf(n) - 1
    y = 2 * np.random.ranf(n) - 1
    return 4 * np.sum(x**2 + y**2 < 1) / n


@bodo.jit
def midpoint(n):
    h = 1.0 / n
    s = 0.0
    for i in bodo.prange(n):
        x = (i + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h


t0 = time.perf_counter()
estimate = darts(20_000_000)
t1 = time.perf_counter()
exact = midpoint(50_000_000)
t2 = time.perf_counter()
print(f"Monte Carlo: {estimate:.5f} (error {abs(estimate - math.pi):.1e}) in {t1 - t0:.2f} s")
print(f"midpoint:    {exact:.12f} (error {abs(exact - math.pi):.1e}) in {t2 - t1:.2f} s")
