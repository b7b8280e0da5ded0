# tier1: np.triu/np.tril (k=, distributed rows), np.repeat, np.tile, np.pad (constant mode, int and pair widths, cast constants), np.gradient (dx)
import numpy as np
import bodo


@bodo.jit
def f(n):
    C = np.arange(n * n).reshape(n, n) * 0.5
    U = np.triu(C, 1)
    L = np.tril(C)
    a = np.arange(n) * 2
    r = np.repeat(a, 3)
    t = np.tile(a, 2)
    p = np.pad(a, 2)
    p2 = np.pad(a * 0.5, (1, 3), constant_values=-1.5)
    p3 = np.pad(a, (0, 2), "constant", constant_values=7.9)
    g = np.gradient(a * a)
    g2 = np.gradient(np.sin(a * 0.1), 0.1)
    return U, L, np.triu(C, -1).sum(), r, r.sum(), t, p, p2, p3, g, g2, np.tril(np.ones((n, 3)), -1)


for x in f(6):
    print(x)
