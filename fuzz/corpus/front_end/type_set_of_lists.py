# adding an unsupported element type (a list) to a set
import bodo


@bodo.jit
def uniq(rows):
    seen = set()
    for r in rows:
        seen.add([r, r])
    return len(seen)


print(uniq([1, 2, 1]))
