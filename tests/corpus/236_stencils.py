# tier1: whole-array stencils on row-distributed grids: shifted block slices T[:-2, 1:-1] + T[2:, 1:-1] written in place, into a copy, with swapped buffers and +=, boundary rows/columns from scalars, rows, columns and linspace, 1D diffusion and wave updates, convergence by np.abs(new - T).max(), a grid passed in distributed and updated in place
import numpy as np
import bodo


@bodo.jit
def heat_aug(n, m, steps, alpha):
    T = np.zeros((n, m))
    T[:, 0] = 10.0
    T[-1, :] = np.linspace(0.0, 5.0, m)
    for step in range(steps):
        T[1:-1, 1:-1] += alpha * (T[:-2, 1:-1] + T[2:, 1:-1] + T[1:-1, :-2] + T[1:-1, 2:] - 4 * T[1:-1, 1:-1])
        T[0, :] = T[1, :]
        T[:, m - 1] = T[:, m - 2]
    return T


@bodo.jit
def lap(n, m):
    T = np.arange(n * m).reshape((n, m)) * 0.5
    L = np.zeros_like(T)
    L[1:n - 1, 1:m - 1] = T[2:n, 1:m - 1] + T[0:n - 2, 1:m - 1] + T[1:n - 1, 2:m] + T[1:n - 1, 0:m - 2] - 4.0 * T[1:n - 1, 1:m - 1]
    return L.sum(), L.max(), L.min(), L[n // 2, m // 2], L[1:3, 1:3], np.mean(T), T.mean(axis=0)


@bodo.jit
def swap(n, m, tol):
    A = np.zeros((n, m))
    B = np.zeros((n, m))
    A[0, :] = 1.0
    B[0, :] = 1.0
    it = 0
    err = 1.0
    while err > tol:
        B[1:-1, 1:-1] = (A[:-2, 1:-1] + A[2:, 1:-1] + A[1:-1, :-2] + A[1:-1, 2:]) / 4
        err = np.max(np.abs(B - A))
        A, B = B, A
        it += 1
    return it, err, A.sum(), np.linalg.norm(A)


@bodo.jit
def wave1d(n, steps):
    u = np.zeros(n)
    u_prev = np.zeros(n)
    u[n // 3] = 1.0
    u_prev[n // 3] = 1.0
    c2 = 0.25
    for s in range(steps):
        u_new = u.copy()
        u_new[1:n - 1] = 2 * u[1:n - 1] - u_prev[1:n - 1] + c2 * (u[2:] - 2 * u[1:-1] + u[:-2])
        u_prev = u
        u = u_new
    return u


@bodo.jit
def int_grid(n):
    G = np.ones((n, n), dtype=np.int64)
    G[1:-1, 1:-1] = G[:-2, 1:-1] + G[2:, 1:-1] + G[1:-1, :-2] * 3
    G[::2, ::3] = 7
    return G.sum(), G[0], G[:, 1], G[-1, -1]


T = heat_aug(9, 6, 30, 0.2)
print(T)
print(T.sum(), T.max(), T[4, 3])
for r in lap(8, 6):
    print(r)
for r in swap(7, 7, 1e-5):
    print(r)
u = wave1d(30, 12)
print(u)
print(u.sum(), np.abs(u).max())
for r in int_grid(7):
    print(r)


@bodo.jit
def converge(n, m, tol):
    T = np.zeros((n, m))
    T[0, :] = 1.0
    it = 0
    while True:
        new = T.copy()
        new[1:-1, 1:-1] = 0.25 * (T[:-2, 1:-1] + T[2:, 1:-1] + T[1:-1, :-2] + T[1:-1, 2:])
        new[:, 0] = new[:, 1]
        diff = np.abs(new - T).max()
        T = new
        it += 1
        if diff < tol or it > 500:
            break
    return it, T.sum(), T[n // 2, m // 2]


@bodo.jit(distributed=["T"])
def relax(T, steps):
    for s in range(steps):
        T[1:-1, 1:-1] = 0.25 * (T[:-2, 1:-1] + T[2:, 1:-1] + T[1:-1, :-2] + T[1:-1, 2:])
        T[1:-1, 0] = T[1:-1, 1] * 0.5
    return T.sum(), T[T.shape[0] // 2, 1]


@bodo.jit
def make(n, m):
    T = np.zeros((n, m))
    T[0, :] = 4.0
    T[n - 1, :] = 2.0
    return T


print(*converge(9, 8, 1e-4))
G = make(11, 5)
print(*relax(G, 10))
print(G[:3])
for n in [1, 2, 3, 4]:
    print(wave1d(n + 3, 2)[:3])
