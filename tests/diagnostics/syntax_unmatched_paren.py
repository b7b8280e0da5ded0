# one closing parenthesis too many
import bodo


@bodo.jit
def area(w, h):
    return (w * h))


print(area(2, 3))
