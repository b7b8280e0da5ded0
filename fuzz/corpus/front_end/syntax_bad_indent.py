# the body of a for loop is indented inconsistently
import bodo


@bodo.jit
def count_even(n):
    c = 0
    for i in range(n):
        if i % 2 == 0:
            c += 1
          print(i)
    return c


print(count_even(10))
