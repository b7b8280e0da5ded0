# hex() of a float: CPython's TypeError, known at compile time
import bodo


@bodo.jit
def f(x):
    return hex(x) + oct(int(x))


print(f(2.5))
