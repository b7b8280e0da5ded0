# tier0: "%(k)s" % {display}, list.sort(key=) on a dict value, more built-in exception classes
import bodo


def tokenize(expr):
    toks = []
    for i, c in enumerate(expr):
        if c.isspace():
            continue
        if not (c.isdigit() or c in "+-*/"):
            raise SyntaxError(f"bad char {c!r} at {i}")
        toks.append(c)
    return toks


@bodo.jit
def f():
    name, n = "widget", 7
    print("%(a)s has %(b)03d parts, %(a)s!" % {"a": name, "b": n})
    groups = {"x": [(3, "c"), (1, "a"), (3, "b")], "y": [(0, "z")]}
    for k in groups:
        groups[k].sort(key=lambda t: (-t[0], t[1]))
    print(groups)
    for e in ["1 + 2", "2 * x"]:
        try:
            print(tokenize(e))
        except SyntaxError as err:
            print("SyntaxError:", err)
    try:
        raise PermissionError("denied")
    except OSError as err:
        print(type(err).__name__, err)
    try:
        raise ModuleNotFoundError("no module named 'x'")
    except ImportError as err:
        print(type(err).__name__, err)
    return 0


f()
