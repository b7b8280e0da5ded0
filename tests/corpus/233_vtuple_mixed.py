# tier0: run-time-length tuples returned beside fixed ones, sorted in a list, zip(*words) of strings, transposing twice
import bodo
import numpy as np


@bodo.jit
def pick(xs, n):
    if n > 2:
        return tuple(xs)
    return (n, n)


@bodo.jit
def collect(rows):
    out = [tuple(r) for r in rows]
    out.append((9, 9))
    out.sort()
    return out


@bodo.jit
def arr_cols(n):
    A = np.arange(n * 3).reshape(n, 3)
    rows = [r.tolist() for r in A]
    return [sum(c) for c in zip(*rows)]


@bodo.jit
def strs(words):
    return ["".join(c) for c in zip(*words)]


@bodo.jit
def nested(m):
    cols = list(zip(*m))
    back = list(zip(*cols))
    return back == [tuple(r) for r in m], back


def main():
    print(pick([1, 2, 3], 3), pick([1, 2, 3], 1))
    print(collect([[3, 1], [1, 2, 3], []]))
    print(arr_cols(4))
    print(strs(["abc", "def", "ghi"]), strs(["ab", "xyz"]))
    print(nested([[1, 2], [3, 4], [5, 6]]))
    t = tuple([1.5, 2.5])
    print(t, type(t).__name__, isinstance(t, tuple))


main()
