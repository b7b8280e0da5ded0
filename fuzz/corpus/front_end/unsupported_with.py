# a with statement (context managers are not supported)
import bodo


@bodo.jit
def load(path):
    with open(path) as f:
        n = len(f.read())
    return n


print(load("data.txt"))
