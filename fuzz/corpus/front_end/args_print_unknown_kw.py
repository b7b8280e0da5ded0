# an unknown keyword argument to print
import bodo


@bodo.jit
def show(x):
    print(x, sepp=", ")


show(3)
