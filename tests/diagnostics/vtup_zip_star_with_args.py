# zip() of a starred value beside another argument
import bodo


@bodo.jit
def f(xs, rows):
    return list(zip(xs, *rows))


print(f([1, 2], [[3, 4], [5, 6]]))
