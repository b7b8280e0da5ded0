# slice assignment (also augmented) works on lists and arrays only
import bodo


@bodo.jit
def f(n):
    xs = list(range(n))
    xs[1:3] += [5]
    s = "abc"
    s[1:] = "x"
    return xs, s


print(f(8))
