# max() default of another type than the items: the result would have no one type
import bodo


@bodo.jit
def f(xs):
    return max(xs, default=-1.5)


print(f([1, 2]))
