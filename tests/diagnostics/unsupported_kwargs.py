# a function taking **kwargs
import bodo


@bodo.jit
def describe(name, **opts):
    return name


print(describe("x", verbose=True))
