# a tuple variable as the % operand must hold one value per field, as CPython's TypeError says
import bodo


@bodo.jit
def f(n):
    t = (1, 2, 3)
    print("%s %s" % t)
    pair = (n, n + 1)
    print("%d" % pair)
    names = ["a", "b"]
    print("%s and %s" % names)
    return 0


f(1)
