# a `*` width in % formatting takes an int, not a float
import bodo


@bodo.jit
def f(x):
    return "[%*.2f]" % (x / 2, x)


print(f(8.0))
