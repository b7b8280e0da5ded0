# tier1: loops over tuples whose elements have different types: each element keeps
# its own type (True prints as True, not 1.0), with break/continue/else, zip
# and enumerate, nested loops, and a jit function returning a mixed tuple.
import bodo
import numpy as np


@bodo.jit
def summary(a):
    total = float(a.sum())
    return total, total > 10.0, int(a.max()), (float(a.min()), len(a)), "units"


def describe(t):
    out = []
    for i, v in enumerate(t, 1):
        out.append(f"{i}:{v}")
    return " ".join(out)


r = summary(np.arange(10.0))
for v in r:
    print(v)
for v in r:
    if v is True:
        continue
    print("seen", v)
    if v == 9:
        break
else:
    print("no break")
for v in (1, "two", 3.0):
    print(repr(v))
else:
    print("done")
names = ["a", "b"]
for n, v in zip(names, (True, 2.5, 7)):
    print(n, v)
else:
    print("zip ran out")
for label, value, flag in zip(("x", "y", "z"), (1, None, [2]), [False, True]):
    print(label, value, flag)
for i, v in enumerate((None, [1, 2], {"k": 1})):
    print(i, v)
print(describe((1, 2.0, "x")))
print(describe((False, 0, "y")))
for pair in ((1, "a"), (2.5, False)):
    for x in pair:
        print(x, x == 1, x is False)
last = None
for v in (1, 2.5):
    last = v * 2
print(last)
