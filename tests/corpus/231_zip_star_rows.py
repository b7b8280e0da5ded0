# tier0: zip(*rows) transposes a run-time number of rows (lists or tuples), stopping at the shortest
import bodo


@bodo.jit
def col_sums(m):
    out = []
    for col in zip(*m):
        out.append(sum(col))
    return out


@bodo.jit
def transpose(m):
    return [list(c) for c in zip(*m)]


@bodo.jit
def unzip(pairs):
    return list(zip(*pairs))


@bodo.jit
def ragged(rows):
    return list(zip(*rows))


@bodo.jit
def cols_max(m):
    t = tuple(zip(*m))
    return t, len(t), max(t[0])


@bodo.jit
def fl(m):
    res = []
    for c in zip(*m):
        res.append((min(c), max(c), sorted(c), c[-1], len(c)))
    return res


def main():
    m = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
    print(col_sums(m))
    print(transpose(m))
    print(unzip([(1, 2), (3, 4), (5, 6)]))
    print(ragged([[1, 2, 3], [4, 5], [6, 7, 8, 9]]))
    print(ragged([[1.5, 2.5]]))
    print(cols_max(m))
    print(fl([[3.5, 1.0], [2.0, 7.25]]))
    print(unzip([("a", "b"), ("c", "d")]))


main()
