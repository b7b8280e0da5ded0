# ordering comparison between a str and an int
import bodo


@bodo.jit
def is_small(code):
    return code < 100


print(is_small("A7"))
