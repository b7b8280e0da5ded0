# tier1: m.T @ v, np.dot(m.T, b) and m.T @ expr over row-distributed matrices: computed as per-rank products summed over ranks, never gathering the transpose (normal equations, gradients, Gram matrices, filtered rows)
import numpy as np
import bodo


@bodo.jit
def normal_equations(n, d):
    X = (np.arange(n * d).reshape(n, d) % 7) * 0.5 - 1.0
    y = (np.arange(n) % 5) * 0.25
    G = X.T @ X
    b = X.T @ y
    G2 = np.dot(X.transpose(), X)
    b2 = np.dot(np.transpose(X), y)
    return G, b, (G == G2).all(), (b == b2).all()


@bodo.jit
def gradient_steps(n, d, steps):
    X = (np.arange(n * d).reshape(n, d) % 11) * 0.125
    y = (np.arange(n) % 3) * 1.0
    w = np.zeros(d)
    for _ in range(steps):
        # Fused: the residual is computed a block of rows at a time.
        w = w - 0.001 * (X.T @ (X @ w - y))
    return w


@bodo.jit
def filtered_gram(n):
    A = np.arange(n * 3).reshape(n, 3) % 10
    keep = A[:, 0] > 3
    F = A[keep]
    v = np.arange(n)[keep]
    return F.T @ F, F.T @ v, len(v)


@bodo.jit
def replicated_vector(n):
    X = np.arange(n * 2).reshape(n, 2) * 1.0
    ones = np.ones(n)
    print(X.T @ ones)
    return (X.T @ X).sum()


G, b, same_g, same_b = normal_equations(1001, 4)
print(G)
print(b)
print(same_g, same_b)
print(np.round(gradient_steps(500, 3, 20), 10))
g, gv, k = filtered_gram(103)
print(g)
print(gv, k)
print(replicated_vector(37))
