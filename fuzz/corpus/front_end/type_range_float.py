# passing a float to range
import bodo


@bodo.jit
def steps(n):
    s = 0
    for i in range(n / 2):
        s += i
    return s


print(steps(10))
