# deleting a name with del (dict entries, list items and list slices are fine)
import bodo


@bodo.jit
def drop_key(d, xs):
    del xs[1:3]
    del d
    return len(xs)


print(drop_key({"a": 1, "b": 2}, [1, 2, 3, 4]))
