# indexing into an int
import bodo


@bodo.jit
def first_digit(n):
    return n[0]


print(first_digit(42))
