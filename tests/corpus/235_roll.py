# tier1: np.roll of 1D/2D int, float and bool arrays along rows, columns and flattened (axis=None/0/1/-1/-2, shift= keyword, shifts beyond the length), on block, filtered (1D_Block_Var) and replicated arrays; a periodic smoothing loop
import numpy as np
import bodo


@bodo.jit
def roll_cases(n, m, k):
    T = np.arange(n * m).reshape((n, m))
    a = np.roll(T, k, axis=0)
    b = np.roll(T, -k, axis=-1)
    c = np.roll(T, k)
    d = np.roll(T, shift=k + n * 3, axis=-2)
    print(a[0], a[n - 1], b[1], c[0], d[2])
    return a.sum(), (a * np.arange(m)).sum(), (c[:, 0] * np.arange(n)).sum(), d[n // 2, m // 2]


@bodo.jit
def roll_filtered(n):
    x = np.arange(n) * 1.0
    y = x[x % 3 != 0]
    z = np.roll(y, 2)
    w = np.roll(y > 10, -1)
    return z[:4], z.sum(), (z * np.arange(len(z))).sum(), w.sum(), w[:5]


@bodo.jit(distributed=False)
def roll_rep(n):
    u = np.linspace(0.0, 1.0, n)
    return np.roll(u, 1)[:3], np.roll(u, 0)[n - 1]


@bodo.jit
def smooth(n, steps):
    u = np.sin(np.arange(n) * 0.3)
    for s in range(steps):
        u = (np.roll(u, 1) + u + np.roll(u, -1)) / 3.0
    return u


u = smooth(37, 5)
print(u[:4], u[-2:], u.sum())
for r in roll_cases(7, 5, 3):
    print(r)
for r in roll_filtered(23):
    print(r)
for r in roll_rep(6):
    print(r)
v = np.roll(u, 2)
print(v[:3])


@bodo.jit
def periodic(n, steps, c):
    u = np.zeros(n)
    u[: n // 4] = 1.0
    for s in range(steps):
        u = u + c * (np.roll(u, 1) - 2 * u + np.roll(u, -1))
    lap = np.roll(u, 1) - 2 * u + np.roll(u, -1)
    return u.sum(), u.max(), u[0], u[n - 1], np.abs(lap).max()


print(*periodic(40, 25, 0.2))
print(*roll_cases(3, 4, -5))
