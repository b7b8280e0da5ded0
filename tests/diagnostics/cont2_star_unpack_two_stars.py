# two starred names in one assignment target
import bodo


@bodo.jit
def f(xs):
    *a, *b = xs
    return a


print(f([1, 2]))
