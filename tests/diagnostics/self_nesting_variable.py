# A variable that is assigned a list holding itself has no finite type
import bodo


@bodo.jit
def nest(n):
    x = []
    for i in range(n):
        x = [x]
    return len(x)


print(nest(3))
