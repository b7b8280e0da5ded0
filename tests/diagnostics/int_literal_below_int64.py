# int64's minimum is accepted; one below it is not
import bodo


@bodo.jit
def extremes():
    lo = -9223372036854775808
    below = -9223372036854775809
    return lo, below


print(extremes())
