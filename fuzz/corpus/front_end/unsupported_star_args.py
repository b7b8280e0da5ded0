# a function taking *args
import bodo


@bodo.jit
def total(*args):
    s = 0
    for a in args:
        s += a
    return s


print(total(1, 2, 3))
