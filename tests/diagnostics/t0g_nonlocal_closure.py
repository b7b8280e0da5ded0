# a nested function rebinding a variable of the enclosing function
import bodo


@bodo.jit
def acc(xs):
    total = 0

    def add(v):
        nonlocal total
        total += v

    for x in xs:
        add(x)
    return total


print(acc([1, 2]))
