# tier1: heat diffusion with array slice assignment (v[1:n-1] = ...), slice-assign errors, a lookup-table argument read in prange
import numpy as np

import bodo


@bodo.jit
def init_rod(n):
    x = np.linspace(0.0, 1.0, n)
    return np.exp(-((x - 0.5) ** 2) / 0.01)


@bodo.jit
def step(u, alpha):
    n = len(u)
    v = np.zeros(n)
    v[1:n - 1] = u[1:n - 1] + alpha * (u[:n - 2] - 2.0 * u[1:n - 1] + u[2:])
    return v


@bodo.jit
def energy(u):
    return np.sum(u * u), u.max(), np.argmax(u)


@bodo.jit
def slice_forms(n):
    z = np.zeros(n, np.int64)
    z[::3] = np.arange((n + 2) // 3)
    w = np.ones(n)
    w[1:4] = np.array([7.0])
    r = np.arange(10.0)
    r[::-1] = r
    y = np.zeros(n)
    try:
        y[1:] = np.ones(n)
    except ValueError as e:
        print("error:", e)
    return z.sum(), z[:7], w[:6], w.sum(), r


@bodo.jit
def centre(X, mu):
    n = X.shape[0]
    Y = np.empty((n, 3))
    for i in bodo.prange(n):
        for j in range(3):
            Y[i, j] = X[i, j] - mu[j]
    return Y


u = init_rod(1001)
e0, m0, a0 = energy(u)
print(f"initial energy {e0:.6f} peak {m0:.4f} at {a0}")
for it in range(20):
    u = step(u, 0.2)
    if it % 5 == 4:
        e, m, a = energy(u)
        print(f"iter {it + 1:>3}: energy={e:10.5f} peak={m:.5f} at={a}")
print("final sample:", np.round(u[495:506], 4))
print(f"total heat {u.sum():,.3f}")
zs, z7, w6, ws, r = slice_forms(101)
print(zs, z7, w6, ws, r)
Y = centre(np.ones((7, 3)), np.array([1.0, 2.0, 3.0]))
print(Y.sum(), Y[0], Y.shape)
