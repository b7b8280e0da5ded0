# adding to a value that may be None (a dict.get without a default)
import bodo


@bodo.jit
def next_count(counts, key):
    return counts.get(key) + 1


print(next_count({"a": 1}, "a"))
