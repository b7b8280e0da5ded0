# a misspelt int method: the one it resembles is suggested
import bodo


@bodo.jit
def widths(ns):
    return [n.bitlength() for n in ns]


print(widths([1, 2, 3]))
