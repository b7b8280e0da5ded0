# unpacking a 3-tuple into two names
import bodo


@bodo.jit
def stats(values):
    return min(values), max(values), sum(values)


@bodo.jit
def main():
    lo, hi = stats([3, 1, 2])
    return hi - lo


print(main())
