# e.args of a caught exception: its arguments have no static type
import bodo


@bodo.jit
def f(n):
    try:
        raise ValueError("bad", n)
    except ValueError as e:
        return len(e.args)


print(f(3))
