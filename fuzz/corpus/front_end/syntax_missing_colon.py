# an if statement without its trailing colon
import bodo


@bodo.jit
def sign(x):
    if x < 0
        return -1
    return 1


print(sign(-5))
