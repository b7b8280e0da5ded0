# a str reduction variable in prange: ranks' partial strings have no combination
import bodo


@bodo.jit
def labels(n):
    s = ""
    for i in bodo.prange(n):
        s += str(i)
    return s


print(labels(5))
