# reversed() of a tuple of mixed types (int and float would join as float)
import bodo


@bodo.jit
def f():
    for v in reversed((1, 2.5)):
        print(v)


f()
