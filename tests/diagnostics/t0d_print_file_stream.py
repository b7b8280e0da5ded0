# print(file=...) of something other than sys.stdout or sys.stderr
import bodo
import sys


@bodo.jit
def report(x):
    print("x =", x, file=sys.argv)


report(3)
