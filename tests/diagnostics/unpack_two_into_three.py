# unpacking a 2-tuple into three names
import bodo


@bodo.jit
def bounds(values):
    return min(values), max(values)


@bodo.jit
def main():
    lo, hi, n = bounds([3, 1, 2])
    return hi - lo + n


print(main())
