# tier0: starred items in list/tuple/set displays and starred arguments of min/max
import bodo

@bodo.jit
def f(xs):
    a = [0, *xs, 9]
    b = (*xs, 1)
    t = (1, "a")
    b2 = (*t, 2.5)
    c = {*xs, 7}
    d = [*range(3), *[5]]
    e = [*xs]
    print(a, b, b2, sorted(c), e, len(d), max(5, *xs), min(*xs), max(*xs, key=lambda v: -v))
    widths = [max(len("hdr"), *(len(w) for w in ["a", "abcd"]))]
    print(widths, [*sorted(xs, reverse=True), *[10, 20]])
    return a

print(f([3, 1, 2]))
