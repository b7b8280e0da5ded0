# calling a method that str does not have
import bodo


@bodo.jit
def clean(s):
    return s.trim()


print(clean("  x  "))
