# del of a slice of a str (only lists support slice deletion)
import bodo


@bodo.jit
def f(s):
    del s[1:2]
    return s


print(f("abc"))
