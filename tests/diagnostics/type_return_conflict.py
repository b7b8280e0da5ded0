# a function returns an int on one path and a str on another
import bodo


@bodo.jit
def lookup(key):
    if key == "a":
        return 1
    return "missing"


print(lookup("a"))
