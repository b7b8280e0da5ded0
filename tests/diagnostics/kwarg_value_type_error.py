# a type error inside a keyword argument's value points at the value only
import bodo


@bodo.jit
def show(a, b):
    print(a, b, sep=3)


show(1, 2)
