# Monte Carlo pi with NumPy (the seed 004 problem): random darts, a fused
# elementwise chain and one reduction; bodoc never materialises x or y.
# alternatives: numpy, bodo, bodo-cached
import numpy as np

import bodo


@bodo.jit
def calc_pi(n):
    x = 2 * np.random.ranf(n) - 1
    y = 2 * np.random.ranf(n) - 1
    return 4 * np.sum(x**2 + y**2 < 1) / n


pi = calc_pi(100000000)
print("close to pi:", abs(pi - 3.14159265) < 0.001)
