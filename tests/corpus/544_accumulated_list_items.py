# tier0: w += xs[i] of an accumulated str reads the list item in place: negative and bool indices, non-ASCII items, IndexError past the end.
import bodo


@bodo.jit
def build(xs, idx):
    out = []
    for k in range(3):
        w = ""
        for i in idx:
            w += xs[i]
        out.append(w)
    return ",".join(out)


@bodo.jit
def bad(xs):
    w = ""
    for i in range(4):
        w += xs[i]
    return w


print(build(["ab", "c", "déf"], [0, -1, 2, True, -3]))
try:
    print(bad(["x", "y"]))
except IndexError as e:
    print("IndexError:", e)
