# calling append on an int
import bodo


@bodo.jit
def collect(n):
    acc = 0
    for i in range(n):
        acc.append(i)
    return acc


print(collect(3))
