# a misspelled variable name
import bodo


@bodo.jit
def average(values):
    total = 0.0
    for v in values:
        total += v
    return totl / len(values)


print(average([1.0, 2.0, 3.0]))
