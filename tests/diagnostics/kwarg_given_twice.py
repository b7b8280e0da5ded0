# a parameter given both positionally and by keyword
import bodo


@bodo.jit
def scale(x, factor=2):
    return x * factor


print(scale(3, 4, factor=5))
