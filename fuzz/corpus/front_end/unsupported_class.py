# a class definition (classes are not supported)
import bodo


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


@bodo.jit
def norm2(x, y):
    return x * x + y * y


print(norm2(3, 4))
