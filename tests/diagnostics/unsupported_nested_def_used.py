# a decorated nested function: reported at the def, not again at its call
import bodo


@bodo.jit
def f(n):
    @bodo.jit
    def sq(x):
        return x * x

    return sq(n)


print(f(3))
