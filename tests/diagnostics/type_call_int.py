# calling an int as if it were a function
import bodo


@bodo.jit
def f(n):
    total = 0
    return total(n)


print(f(3))
