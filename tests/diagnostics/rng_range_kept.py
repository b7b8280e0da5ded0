# a range kept in a variable (only direct uses of range(...) are supported)
import bodo


@bodo.jit
def f(n):
    r = range(2, n)
    return [x * x for x in r]


print(f(5))
