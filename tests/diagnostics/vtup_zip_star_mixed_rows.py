# zip(*pairs) of (str, int) rows: the two columns would differ in type
import bodo


@bodo.jit
def f(pairs):
    names, ages = zip(*pairs)
    return names, ages


print(f([("ann", 31), ("bob", 42)]))
