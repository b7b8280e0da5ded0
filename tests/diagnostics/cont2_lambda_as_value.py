# a lambda variable used other than called or passed as key=
import bodo


@bodo.jit
def f(xs):
    g = lambda x: x + 1
    h = g
    return h(xs[0])


print(f([1, 2]))
