# tier0: str * n and n * str, empty and negative counts, non-ASCII text; a result longer than memory can address is CPython's OverflowError (repeated string is too long), catchable.
import bodo


@bodo.jit
def f(n):
    s = "ab" * n
    t = n * "é-"
    try:
        u = "xyz" * (2**62)
    except OverflowError as e:
        print("caught", e)
    return len(s), t, "" * (2**62), "q" * -2


print(f(3))
print(f(2**62))
