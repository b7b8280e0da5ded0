# a list literal left open at the end of the file
import bodo


@bodo.jit
def total(xs):
    return sum(xs)


print(total([1, 2, 3
