# tier0: dict(pairs) from zip of two, enumerate, .items(), and displays/comprehensions of 2-tuples
import bodo


@bodo.jit
def build(names, scores):
    by_name = dict(zip(names, scores))
    index = dict(enumerate(names))
    copy = dict(by_name.items())
    squares = dict([(i, i * i) for i in range(5)])
    fixed = dict([("a", 1), ("b", 2)])
    return by_name, index, copy, squares, fixed


r = build(["ann", "bob", "cy"], [3.5, 2.0, 4.25])
for d in r:
    print(d)
