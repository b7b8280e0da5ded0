# a call whose closing parenthesis is missing at the end of the file
import bodo


@bodo.jit
def double(x):
    return x * 2


print(double(21)
