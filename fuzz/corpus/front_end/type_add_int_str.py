# adding an int and a str
import bodo


@bodo.jit
def label(n):
    return "item " + n


print(label(3))
