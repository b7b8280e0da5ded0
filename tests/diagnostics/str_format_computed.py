# str.format on a format string computed at run time
import bodo


@bodo.jit
def label(width, score):
    fmt = "{:>" + str(width) + "}"
    return fmt.format(score)


print(label(5, 7))
