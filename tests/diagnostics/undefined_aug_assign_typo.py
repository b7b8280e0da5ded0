# `totl += i` where only `total` is ever assigned: read before assignment
import bodo


@bodo.jit
def f(n):
    total = 0
    for i in range(n):
        totl += i
    return total


print(f(3))
