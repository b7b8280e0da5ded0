# %d given a str
import bodo


@bodo.jit
def label(name, score):
    return "%d: %s" % (name, score)


print(label("ann", 7))
