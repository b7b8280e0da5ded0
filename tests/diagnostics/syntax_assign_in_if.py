# "=" instead of "==" in an if condition
import bodo


@bodo.jit
def is_zero(x):
    if x = 0:
        return True
    return False


print(is_zero(0))
