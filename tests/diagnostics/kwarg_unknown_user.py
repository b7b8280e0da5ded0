# a keyword argument that names no parameter of the called function
import bodo


@bodo.jit
def scale(x, factor=2):
    return x * factor


print(scale(3, fctor=4))
