# tuple() of a list: a tuple type has a fixed arity
import bodo


@bodo.jit
def f(xs):
    return tuple(xs)


print(f([1, 2, 3]))
