# zip(*rows) of a list: the tuples' length is not known at compile time
import bodo


@bodo.jit
def f(rows):
    return list(zip(*rows))


print(f([[1, 2], [3, 4]]))
