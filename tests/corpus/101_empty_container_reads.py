# tier0: a dict or list nothing is ever stored into types (its elements default to int): reading it raises KeyError/IndexError at run time, as in Python, not a compile-time operand error
import bodo


@bodo.jit
def total(n):
    d = {}
    s = 0
    try:
        for i in range(n):
            s += d[i]
    except KeyError as e:
        print("KeyError", e)
    xs = []
    t = 0.5
    try:
        t = t + xs[n]
    except IndexError as e:
        print("IndexError", e)
    return s + len(d) + len(xs) + t


print(total(3))
