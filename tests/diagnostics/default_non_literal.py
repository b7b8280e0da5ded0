# a default argument that is not a literal
import bodo

LIMIT = 10


@bodo.jit
def clip(x, hi=LIMIT * 2):
    return min(x, hi)


print(clip(50))
