# tier1: in-place masked updates a[mask] op= v (1D, 2D element masks, row masks of 2D arrays, bool arrays, a driver helper mutating its argument) at any rank count
import numpy as np
import bodo


@bodo.jit
def upd(n):
    b = np.arange(n)
    b[b > n - 5] += 1000
    b[b % 3 == 0] *= -1
    x = np.linspace(-1.0, 1.0, n)
    x[x < 0] **= 2
    x[x > 0.5] -= 0.5
    A = np.arange(n * 3).reshape(n, 3) * 1.0
    A[A > 10] /= 10.0
    A[A[:, 0] > 20] += 1.0
    flags = b > 0
    flags[flags] &= False
    return b[:6], b[-4:], float(x.sum()), round(float(A.sum()), 6), A[-1].tolist(), int(flags.sum())


def clamp(a):
    a[a < 0] += 100


print(upd(101))
c = np.arange(-3, 3)
clamp(c)
print(c)
