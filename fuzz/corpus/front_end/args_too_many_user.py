# too many positional arguments to a user function
import bodo


@bodo.jit
def area(w, h):
    return w * h


print(area(2, 3, 4))
