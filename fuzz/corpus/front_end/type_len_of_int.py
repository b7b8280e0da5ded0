# calling len on an int
import bodo


@bodo.jit
def width(n):
    return len(n)


print(width(12345))
