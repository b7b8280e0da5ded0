# raise ... from a call: only a name or None is accepted as the cause
import bodo


def make_cause():
    return ValueError("inner")


@bodo.jit
def f(x):
    if x < 0:
        raise RuntimeError("negative") from make_cause()
    return x


print(f(3))
