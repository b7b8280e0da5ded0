# a global statement to mutate a module-level counter
import bodo

counter = 0


@bodo.jit
def bump():
    global counter
    counter += 1
    return counter


print(bump())
