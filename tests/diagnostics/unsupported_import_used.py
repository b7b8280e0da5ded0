# an unsupported module: reported at the import, not again where it is used
import random
import bodo


@bodo.jit
def f(n):
    return random.randint(0, n)


print(f(3))
