# a misspelled list method
import bodo


@bodo.jit
def f(n):
    xs = [3, 1, 2]
    xs.apend(n)
    return xs


print(f(3))
