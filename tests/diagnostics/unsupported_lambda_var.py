# a lambda passed to a user function (lambdas bound to a name, key= and map are fine)
import bodo


def apply(f, xs):
    return [f(x) for x in xs]


@bodo.jit
def apply_tax(prices):
    return apply(lambda p: p * 1.2, prices)


print(apply_tax([10.0, 20.0]))
