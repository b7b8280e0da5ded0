# a required argument missing in a call to a user function
import bodo


@bodo.jit
def area(w, h):
    return w * h


print(area(2))
