# tier1: np.random scalar draws (randint(lo, hi) and random()/rand()/randn() without a size) in a loop: same value on every rank, statistics only
import numpy as np
import bodo


@bodo.jit
def dice(n):
    counts = [0] * 6
    total = 0.0
    gauss = 0.0
    for _ in range(n):
        r = np.random.randint(1, 7)
        counts[r - 1] += 1
        total += np.random.random()
        gauss += np.random.randn()
    return counts, total / n, gauss / n


np.random.seed(3)
counts, mean_u, mean_g = dice(60000)
print(sum(counts), min(counts) > 9000, max(counts) < 11000)
print(abs(mean_u - 0.5) < 0.01, abs(mean_g) < 0.02)
x = np.random.rand()
print(0.0 <= x < 1.0)
