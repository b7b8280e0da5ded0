# a parenthesis closed with a square bracket
import bodo


@bodo.jit
def scaled(xs, k):
    return [x * k for x in (xs]


print(scaled([1, 2], 3))
