# tier0: an uncaught ZeroDivisionError in a jit function: stdout up to the fault, then exit status 1 with the error on stderr
import bodo


@bodo.jit
def average(values):
    return sum(values) / len(values)


print("first", average([1.0, 2.0, 4.5]))
print("second", average([]))
print("never printed")
