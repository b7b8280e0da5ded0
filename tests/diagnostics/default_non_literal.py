# a default argument that is not a literal or module constant
import bodo

LIMITS = [10, 20]


@bodo.jit
def clip(x, hi=len(LIMITS)):
    return min(x, hi)


print(clip(50))
