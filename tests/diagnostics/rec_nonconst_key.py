# a record (dict with values of different types) read with a variable key
import bodo


@bodo.jit
def field(p, k):
    return p[k]


print(field({"name": "Ann", "age": 31}, "age"))
