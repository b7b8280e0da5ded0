# a generator function (yield is not supported)
import bodo


@bodo.jit
def squares(n):
    for i in range(n):
        yield i * i


print(list(squares(4)))
