# augmented assignment to a list slice (plain slice assignment is fine)
import bodo


@bodo.jit
def grow(xs):
    xs[1:] += [9]
    return xs


print(grow([1, 2, 3]))
