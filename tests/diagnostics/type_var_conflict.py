# a variable is an int on one branch and a str on the other, then used
import bodo


@bodo.jit
def describe(n):
    if n > 0:
        r = n
    else:
        r = "none"
    return r


print(describe(3))
