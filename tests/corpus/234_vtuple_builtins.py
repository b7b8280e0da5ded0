# tier0: run-time-length tuples with enumerate, reversed, slices, star-print, map/max over zip(*m), dict(zip()), == against fixed tuples of other item types
import bodo


@bodo.jit
def misc(xs, m):
    t = tuple(xs)
    r = []
    for i, v in enumerate(t):
        r.append(i * v)
    print(t[::-1], list(reversed(t)), any(t), all(t), len(set(t)))
    print(*t)
    print(list(map(sum, zip(*m))))
    print(dict(zip(["a", "b", "c"], t)))
    print(max(zip(*m), key=sum))
    print(t == (1.0, 2.0, 3.0), t == (1, 2, 3), t != (1, 2))
    return r


def main():
    print(misc([1, 2, 3], [[1, 2], [3, 4]]))
    t = tuple(x * 2 for x in [1, 2])
    print(t, len(t))


main()


@bodo.jit
def odd(xs, ws):
    t = tuple(xs)
    u = tuple(ws)
    return t == ("a", "b"), t != ("a",), t == u, tuple([1.5, 2.0]) == (1.5, 2), t + (5,)


print(odd([1, 2], ["x"]), odd([], []))
