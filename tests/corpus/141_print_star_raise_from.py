# tier0: print(*xs) with sep/end and mixed plain and starred arguments, raise ... from an exception and from None
import bodo


@bodo.jit
def show(xs, t):
    print(*xs)
    print(*xs, sep=", ")
    print("start", *xs, "mid", *t, end="!\n")
    print(*[x * 1.5 for x in xs], sep="|")
    print(*t, sep=None)


@bodo.jit
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("bad field: " + text) from e


@bodo.jit
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError("missing " + k) from None


show([1, 2, 3], ("a", "b"))
words = ["x", "y", "z"]
print(*words, sep="-")
print(*range(3))
print(parse("12"))
try:
    parse("1x")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lookup({"a": 1}, "b")
except ValueError as e:
    print("ValueError:", e)
