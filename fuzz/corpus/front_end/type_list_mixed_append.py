# appending a str to a list of ints
import bodo


@bodo.jit
def build(n):
    out = [0]
    for i in range(n):
        out.append(str(i))
    return out


print(build(3))
