# adding to a variable that may still be None
import bodo


@bodo.jit
def first_positive(values):
    found = None
    for v in values:
        if v > 0:
            found = v
    return found + 1


print(first_positive([-1, 4]))
