# raising a string instead of an exception
import bodo


@bodo.jit
def check(x):
    if x < 0:
        raise "negative value"
    return x


print(check(3))
