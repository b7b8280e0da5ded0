# merging a float into a dict of int values (CPython prints the ints unchanged)
import bodo


@bodo.jit
def f(d):
    return {**d, "z": 2.5}


print(f({"a": 1, "b": 2}))
