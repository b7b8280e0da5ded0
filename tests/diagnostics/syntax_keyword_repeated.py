# the same keyword argument passed twice
import bodo


@bodo.jit
def scale(x, factor=2):
    return x * factor


print(scale(3, factor=4, factor=5))
