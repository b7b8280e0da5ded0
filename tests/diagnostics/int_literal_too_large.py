# an integer literal that does not fit in 64 bits
import bodo


@bodo.jit
def big():
    return 18446744073709551616 + 1


print(big())
