# adding a str to an int count
import bodo


@bodo.jit
def count_label(rows):
    n = len(rows)
    return n + " rows"


print(count_label([1, 2]))
