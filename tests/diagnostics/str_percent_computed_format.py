# % formatting with a format string computed at run time
import bodo


@bodo.jit
def label(width, score):
    fmt = "%" + str(width) + "d"
    return fmt % score


print(label(5, 7))
