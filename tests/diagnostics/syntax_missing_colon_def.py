# a def line without its colon
import bodo


@bodo.jit
def double(x)
    return 2 * x


print(double(4))
