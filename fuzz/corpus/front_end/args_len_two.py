# len called with two arguments
import bodo


@bodo.jit
def size(a, b):
    return len(a, b)


print(size([1], [2]))
