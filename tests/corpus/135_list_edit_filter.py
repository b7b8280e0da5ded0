# tier0: list methods (insert/remove/index/count/del/reverse), slice assignment, chunking and flattening, filter/map/any/all
import bodo


@bodo.jit
def edit(xs):
    xs = list(xs)
    xs.insert(0, 100)
    xs.insert(-1, 50)
    xs.remove(3)
    idx = xs.index(50)
    c = xs.count(2)
    del xs[1]
    xs[2:4] = [7, 7, 7]
    ys = xs[:]
    ys.reverse()
    return xs, ys, idx, c


@bodo.jit
def try_remove(xs, v):
    try:
        xs.remove(v)
        return "removed"
    except ValueError as e:
        return "error: " + str(e)


@bodo.jit
def chunks(xs, k):
    return [xs[i:i + k] for i in range(0, len(xs), k)]


@bodo.jit
def flatten(nested):
    out = []
    for sub in nested:
        out.extend(sub)
    return out


print(edit([1, 2, 3, 2, 5, 2]))
print(try_remove([1, 2], 2), try_remove([1, 2], 9))
c = chunks(list(range(11)), 4)
print(c, flatten(c) == list(range(11)))
a = [[0] * 3] * 2
print(a, [x * 2 for x in [1, 2, 3]] + [0], [1, 2] * 3, sorted([3, 1, 2], reverse=True))
print(any(x > 5 for x in [1, 9]), all([]), list(map(abs, [-1, -2])), list(filter(None, [0, 1, 2])))
