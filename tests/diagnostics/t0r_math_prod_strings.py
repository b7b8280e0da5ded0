# math.prod() of strings: only numbers multiply
import bodo
import math


@bodo.jit
def total(words):
    return math.prod(words)


print(total(["a", "b"]))
