# tier1: an exception raised inside a prange on one rank reaches every rank (caught: same handler everywhere and later collectives still pair up; uncaught: one report, exit 1)
import numpy as np
import bodo


@bodo.jit
def risky(n, bad):
    a = np.arange(n)
    s = 0
    for i in bodo.prange(n):
        if a[i] == bad:
            raise ValueError(f"bad value {bad}")
        s += a[i]
    return s


@bodo.jit
def guarded(n, bad):
    try:
        return risky(n, bad)
    except ValueError as e:
        print("caught:", str(e))
        return -1


@bodo.jit
def getter(n, k):
    a = np.arange(n) * 2
    return a[k]


print(guarded(10, 7))
print(guarded(10, 70))
print(getter(10, 9))
print(guarded(10, 0))
print(getter(10, 3))
print(risky(10, 9))
