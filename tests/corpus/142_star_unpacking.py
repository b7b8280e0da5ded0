# tier0: starred assignment targets (a, *rest = xs; first, *mid, last = t; nested; for head, *tail in rows) with CPython's ValueError when too few values, starred displays in call arguments
import bodo


@bodo.jit
def split_rows(rows):
    out = []
    for head, *tail in rows:
        out.append((head, sum(tail)))
    for i, (x, *ys) in enumerate(rows):
        print(i, x, ys)
    return out


@bodo.jit
def ends(xs, t):
    first, *mid, last = xs
    name, *nums = t
    (a, b), *pairs = [(1, 2), (3, 4), (5, 6)]
    *init, z = "abc"
    print(first, mid, last, name, nums, a, b, pairs, init, z)
    return len(mid)


@bodo.jit
def unpack_at_least(xs):
    try:
        a, b, *c = xs
        print("ok", a, b, c)
    except ValueError as e:
        print("ValueError:", e)


@bodo.jit
def spliced(a, b):
    print(*[a, b], max(*[3, 9, 4]))
    return [x + y for x, y in zip(*[a, b])]


print(split_rows([[1, 2, 3], [4, 5], [6]]))
print(ends([1, 2, 3, 4, 5], ("n", 1.5, 2.5)))
unpack_at_least([1, 2, 3])
unpack_at_least([1, 2])
unpack_at_least([7])
print(spliced([1, 2], [10, 20]))
head, *rest = [10, 20, 30]
print(head, rest)
