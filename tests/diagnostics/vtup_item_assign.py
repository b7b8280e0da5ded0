# a tuple built at run time is immutable
import bodo


@bodo.jit
def f(xs):
    t = tuple(xs)
    t[0] = 5
    return t


print(f([1, 2]))
