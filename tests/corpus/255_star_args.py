# tier0: functions with *args (a tuple of the extra positional arguments, also empty), keyword-only parameters after it, nested and plain functions with *args, sum of an empty tuple
import bodo


@bodo.jit
def total(*xs):
    return sum(xs), len(xs)


@bodo.jit
def fmt(label, *vals, sep=", "):
    return label + ": " + sep.join(str(v) for v in vals)


def show(*parts):
    print("|".join(parts), len(parts), parts)


@bodo.jit
def use():
    def mx(*vs):
        best = vs[0]
        for v in vs[1:]:
            if v > best:
                best = v
        return best

    print(mx(3, 9, 2), mx(1.5, 0.5), fmt("mix", 1, "a", 2.5, sep="/"))
    show("a", "b")
    show()
    return total(1, 2, 3), total(), total(0.5, 1)


@bodo.jit
def empty(*xs):
    print(list(xs), sorted(xs), [x for x in xs], any(xs), all(xs), len(xs), xs, min(xs, default=-1), xs + (1,))
    try:
        print(max(xs))
    except ValueError as e:
        print("ValueError", e)


print(use())
print(fmt("nums", 1, "2", 3.5))
show("x")
empty()
