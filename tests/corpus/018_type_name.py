# tier0: type(x).__name__ of caught exceptions (run-time class) and of values of every basic type
import numpy as np
import bodo


@bodo.jit
def classify(items):
    out = []
    for s in items:
        try:
            if s == "":
                raise KeyError(s)
            v = int(s)
            out.append(100 // v)
        except (ValueError, ZeroDivisionError, KeyError) as e:
            out.append(-1)
            print(f"{type(e).__name__}: {e}")
    return out


@bodo.jit
def names(n):
    a = np.arange(n)
    return [type(n).__name__, type(1.5).__name__, type("x").__name__, type(a).__name__,
            type([1]).__name__, type((1, "a")).__name__, type({1: 2}).__name__, type(True).__name__,
            type(None).__name__]


print(classify(["4", "x", "0", "", "7"]))
print(names(3))
try:
    int("zz")
except ValueError as err:
    print(type(err).__name__, "-", err)
