# tier1: np.logical_and/or/xor/not, np.isclose/allclose, np.ptp, np.random.normal/uniform/standard_normal (shapes and loose statistics), np.int64/np.float64 scalars
import numpy as np
import bodo


@bodo.jit
def logic(n):
    x = np.arange(n) * 0.25 - 2.0
    y = x * 2.0 + 1.0
    z = 2 * x + 1
    inside = np.logical_and(x > 0, x < 1)
    outside = np.logical_or(x < -1, x > 1)
    one_side = np.logical_xor(x > 0, x > 1)
    ints = np.logical_and(np.arange(n) % 3, np.arange(n) % 2)
    return inside.sum(), outside.sum(), one_side.sum(), np.logical_not(inside).sum(), ints, np.isclose(x, 0.5), np.allclose(y, z), np.allclose(y, 2.0 * z, rtol=0.5), np.ptp(x)


@bodo.jit
def draws(n):
    a = np.random.normal(10.0, 2.0, n)
    b = np.random.uniform(-1.0, 3.0, n)
    c = np.random.standard_normal((n, 2))
    d = np.random.normal(size=n)
    e = np.random.uniform(size=(n, 3))
    return a.shape, abs(a.mean() - 10.0) < 0.1, b.min() >= -1.0, b.max() < 3.0, abs(b.mean() - 1.0) < 0.05, c.shape, abs(c.std() - 1.0) < 0.05, abs(d.mean()) < 0.05, e.shape, e.min() >= 0.0


for v in logic(17):
    print(v)
for v in draws(100000):
    print(v)
print(np.float64(3), np.int64(7.9), np.logical_not(0), np.isclose(1.0, 1.0 + 1e-9))
