# % formatting with fewer values than fields
import bodo


@bodo.jit
def label(name, score):
    return "%s scored %d of %d" % (name, score)


print(label("ann", 7))
