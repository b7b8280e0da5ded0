# a call whose opening parenthesis is never closed, with more code after it
import bodo


@bodo.jit
def pair_sum(a, b):
    return a + b


print(pair_sum((1, 2)
x = 3
print(x)
