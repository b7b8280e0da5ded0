# the distributed option given an int instead of a list of names
import bodo


@bodo.jit(distributed=3)
def total(a):
    return sum(a)


print(total([1, 2, 3]))
