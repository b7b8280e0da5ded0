# comparing dict views (CPython compares keys/items views as sets)
import bodo


@bodo.jit
def same_keys(d, e):
    return d.keys() == e.keys()


print(same_keys({"a": 1, "b": 2}, {"b": 2, "a": 1}))
