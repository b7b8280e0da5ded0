# tier0: an uncaught "too many values to unpack" after printed output: the output before it appears, the error is reported once with CPython's message and line, exit 1 on every rank, nothing leaks
import bodo


@bodo.jit
def pair_sum(xs):
    print("pairs of", len(xs))
    total = 0
    for row in xs:
        a, b = row
        total += a * b
    return total


print(pair_sum([[1, 2], [3, 4]]))
print(pair_sum([[1, 2], [3, 4, 5], [6, 7]]))
print("never printed")
