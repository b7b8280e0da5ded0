# a starred target in a comprehension (for statements and assignments unpack them)
import bodo


@bodo.jit
def heads(rows):
    return [h for h, *t in rows]


print(heads([[1, 2], [3]]))
