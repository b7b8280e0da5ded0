# a record's int field given a float
import bodo


@bodo.jit
def grow(p):
    p["age"] += 0.5
    return p


print(grow({"name": "Ann", "age": 31}))
