# a variable read where no assignment reaches it on any path (its only assignment is after a return)
import bodo


@bodo.jit
def f(n):
    if n > 2:
        return len(xs)
    xs = [1, 2]
    return len(xs) + n


print(f(3))
