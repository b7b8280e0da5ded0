# tier0: run-time-length tuples joined with fixed ones, as set elements and dict keys, in f-strings, IndexError and unpacking ValueError
import bodo


@bodo.jit
def widen(xs, flag):
    t = (0, 0)
    if flag:
        t = tuple(xs)
    return t


@bodo.jit
def seen(rows):
    s = set()
    d = {}
    for r in rows:
        k = tuple(r)
        s.add(k)
        d[k] = len(r)
    return len(s), (1, 2) in s, d[(1, 2)], sorted(s)


@bodo.jit
def fmt(xs):
    t = tuple(xs)
    return f"{t} and {t!r} {str(t)}", t * 2


@bodo.jit
def err_idx(xs, i):
    t = tuple(xs)
    try:
        return t[i]
    except IndexError as e:
        print("IndexError:", e)
        return -1


@bodo.jit
def err_unpack(xs):
    try:
        a, b = tuple(xs)
        return a + b
    except ValueError as e:
        print("ValueError:", e)
        return -1


def main():
    print(widen([1, 2, 3], True), widen([1, 2, 3], False))
    print(seen([[1, 2], [3], [1, 2], []]))
    print(fmt([1, 2, 3, 2]))
    print(err_idx([1, 2], 5), err_idx([1, 2], -2))
    print(err_unpack([1, 2, 3]), err_unpack([1]), err_unpack([4, 5]))


main()
