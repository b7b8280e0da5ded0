# tier0: repr() of exceptions shows their argument's repr; unhashable dict display keys raise TypeError
import bodo


@bodo.jit
def reprs(n):
    out = []
    for e in [ValueError(n), ValueError(""), ValueError(), ValueError("x"), KeyError("k"), KeyError(3), ValueError(2.5)]:
        out.append(repr(e))
        out.append(str(e))
    return out


@bodo.jit
def raised(n):
    try:
        raise ValueError(n)
    except ValueError as e:
        print(repr(e), e)
    try:
        x = 1 // (n - n)
    except ZeroDivisionError as e:
        print(repr(e))
    return 0


@bodo.jit
def bad_key(n):
    try:
        d = {(1, [n]): 1}
        print(len(d))
    except TypeError as e:
        print("caught", e)
    return 1


print(reprs(3))
print(raised(4))
print(bad_key(5))
