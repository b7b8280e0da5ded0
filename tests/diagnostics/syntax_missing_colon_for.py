# a for loop header without its colon (a comment follows the header)
import bodo


@bodo.jit
def total(n):
    s = 0
    for i in range(n)  # every i below n
        s += i
    return s


print(total(4))
