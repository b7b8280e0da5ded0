# indexing a list with a float
import bodo


@bodo.jit
def middle(values):
    return values[len(values) / 2]


print(middle([1, 2, 3]))
