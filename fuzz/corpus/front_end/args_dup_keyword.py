# the same argument given positionally and by keyword
import bodo


@bodo.jit
def area(w, h=1):
    return w * h


print(area(2, w=3))
