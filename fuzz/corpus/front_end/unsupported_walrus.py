# an assignment expression (walrus operator)
import bodo


@bodo.jit
def first_big(values):
    for v in values:
        if (d := v * 2) > 10:
            return d
    return -1


print(first_big([1, 7, 3]))
