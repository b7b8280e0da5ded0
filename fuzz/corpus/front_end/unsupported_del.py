# deleting a dict entry with del
import bodo


@bodo.jit
def drop_key(d, k):
    del d[k]
    return len(d)


print(drop_key({"a": 1, "b": 2}, "a"))
