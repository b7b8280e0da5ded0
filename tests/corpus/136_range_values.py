# tier0: range(...) used directly as a value: len (any step sign), indexing with IndexError, `in`, unpacking, consumers
import bodo


@bodo.jit
def lengths(a, b, s):
    return (
        len(range(a)),
        len(range(a, b)),
        len(range(a, b, s)),
        len(range(b, a, -s)),
        len(range(3, 20, 4)),
        len(range(20, 3, -4)),
        len(range(5, 1)),
    )


@bodo.jit
def items(n):
    out = []
    out.append(range(n)[-1])
    out.append(range(3, 20, 4)[2])
    out.append(range(20, 3, -4)[-2])
    out.append(range(2, n)[0])
    return out


@bodo.jit
def item_or_error(n, i):
    try:
        return range(n)[i]
    except IndexError as e:
        print("IndexError:", e)
        return -1


@bodo.jit
def membership(n):
    hits = []
    for x in range(-5, 30):
        if x in range(3, n, 4) and x not in range(n, 0, -3):
            hits.append(x)
    return hits, 7 in range(0), True in range(2)


@bodo.jit
def zero_step(s):
    try:
        return len(range(0, 10, s))
    except ValueError as e:
        print("ValueError:", e)
        return -1


@bodo.jit
def unpack(n):
    a, b, c = range(3)
    x, y = range(n, 0, -(n // 2))
    try:
        p, q = range(n)
        print("unpacked", p + q)
    except ValueError as e:
        print("ValueError:", e)
    return a + b + c + x + y, sum(range(n)), max(range(n, 0, -2)), min(range(3, n)), list(range(n))[::3]


print(lengths(2, 17, 3))
print(lengths(5, 5, 1))
print(items(10))
print(item_or_error(4, 4), item_or_error(4, -4), item_or_error(0, 0))
print(membership(25))
print(zero_step(0), zero_step(3))
print(unpack(10))
