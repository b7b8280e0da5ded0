# tier1: print inside prange bodies prints every iteration's line in iteration order (held per rank, printed in rank order where the loop ends)
import numpy as np

import bodo


@bodo.jit
def f(n):
    a = np.arange(n) * 3
    b = a[a % 2 == 0]
    s = 0
    for i in bodo.prange(len(b)):
        if b[i] % 4 == 0:
            print(f"even {i}: {b[i]}")
        s += b[i]
    for i in bodo.prange(0, n, 3):
        print(i, end=" ")
    print()
    for i in bodo.prange(n):
        if i == n - 1:
            print("last", i)
    return s


for n in [0, 1, 5, 12]:
    print(f(n))
@bodo.jit
def g(n):
    a = np.arange(n) * 2
    s = 0
    for i in bodo.prange(n):
        print("item", i, a[i])
        s += a[i]
    return s


print(g(6))
