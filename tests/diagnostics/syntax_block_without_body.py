# the file ends right after a block header, before its body
import bodo


@bodo.jit
def f(x):
    return x


if f(1) > 0:
