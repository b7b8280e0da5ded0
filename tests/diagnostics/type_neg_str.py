# unary minus on a str
import bodo


@bodo.jit
def flip(s):
    return -s


print(flip("x"))
