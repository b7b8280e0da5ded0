# an if statement without the colon at the end of its header
import bodo


@bodo.jit
def sign(x):
    if x > 0
        return 1
    return 0


print(sign(5))
