# a function defined inside another function
import bodo


@bodo.jit
def scale_all(values, k):
    def scale(v):
        return v * k

    return [scale(v) for v in values]


print(scale_all([1, 2, 3], 10))
