# a misspelled keyword argument of print
import bodo


@bodo.jit
def show(a, b):
    print(a, b, sepp=", ")


show(1, 2)
