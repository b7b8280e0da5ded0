# tier0: f(*xs) of a list as the last positional argument, with CPython's TypeErrors for a length that does not fit
import bodo

def area(w, h):
    return w * h

def rec(name, qty, price="0"):
    return f"{name}:{int(qty) * float(price):.2f}"

def tag(prefix, *rest):
    return prefix + "-".join(rest)

@bodo.jit
def f():
    pt = [3, 4]
    print(area(*pt))
    for line in ["nut,4,0.5", "bolt,10", "gear,1,2,9", "x"]:
        try:
            print(rec(*line.split(",")))
        except TypeError as e:
            print("TypeError:", e)
    print(area(2, *[5]))
    for xs in [[], [1], [1, 2, 3]]:
        try:
            print(area(*xs))
        except TypeError as e:
            print("TypeError:", e)
    try:
        more = [2, 3]
        print(area(1, *more))
    except TypeError as e:
        print("TypeError:", e)
    t = tuple(pt)
    print(area(*t))
    return 0

f()
