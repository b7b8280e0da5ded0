# a misspelled bodo.jit option
import bodo


@bodo.jit(cahce=True)
def total(a):
    return sum(a)


print(total([1, 2, 3]))
