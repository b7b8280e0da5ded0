# tier0: list slice assignment of any length and of extended slices (CPython's ValueError on a size mismatch), del of list slices, slice assignment from other iterables and of the list itself
import bodo


@bodo.jit
def edit(xs):
    ys = list(xs)
    ys[1:3] = [70, 80]
    ys[1:2] = [9, 9, 9]
    ys[:0] = [0]
    ys[len(ys):] = (100, 200)
    print(ys)
    ys[::2] = [-1] * len(ys[::2])
    print(ys)
    del ys[1:3]
    del ys[::-3]
    print(ys)
    ys[2:] = []
    ys[1:] = ys
    print(ys)
    try:
        ys[::2] = [1, 2, 3, 4, 5]
    except ValueError as e:
        print("ValueError:", e)
    try:
        del ys[::0]
    except ValueError as e:
        print("ValueError:", e)
    return ys


@bodo.jit
def mixed():
    fs = [0.5, 1.5, 2.5, 3.5]
    fs[0:2] = [x * 2 for x in fs[2:]]
    fs[4:1:-1] = [7.0, 8.0]
    words = ["a", "b", "c"]
    words[1:2] = "xyz"
    del words[:]
    rows = [[1], [2], [3]]
    rows[0:2] = [[9, 9]]
    del rows[5:]
    print(fs, words, rows)


print(edit([1, 2, 3, 4, 5, 6]))
mixed()
