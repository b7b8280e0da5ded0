# @bodo.jit without `import bodo`: the name is not defined, with the import to add
import numpy as np


@bodo.jit
def f(n):
    return np.arange(n).sum()


print(f(4))
