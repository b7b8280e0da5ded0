# an augmented assignment to a part of an array whose index calls a function
import numpy as np
import bodo


def start(n):
    print("computing start")
    return n // 2


@bodo.jit
def bump(n):
    b = np.arange(n)
    b[start(n):] += 1
    return b


print(bump(10))
