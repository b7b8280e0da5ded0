# multiplying two strings
import bodo


@bodo.jit
def repeat(s, n):
    return s * n


print(repeat("ab", "3"))
