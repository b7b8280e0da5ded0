# tier0: max/min/sorted/comparisons of unorderable values raise CPython's TypeError naming the operator
import bodo


@bodo.jit
def f():
    ds = [{"a": 1}, {"a": 2}]
    for which in range(3):
        try:
            if which == 0:
                print(max(ds))
            elif which == 1:
                print(min(ds))
            else:
                print(sorted(ds))
        except TypeError as e:
            print("TypeError:", e)
    vals = [3, None, 5]
    try:
        print(max(vals))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(min(vals))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(max(ds[0], ds[1]))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(max([(1, None), (1, 2)]))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(sorted([(2, None), (2, 1)]))
    except TypeError as e:
        print("TypeError:", e)
    s = [{1}, {2}]
    print(max(s), min(s), [1, 2] <= [1, 2], (2, 1) >= (1, 5), [float("nan")] <= [float("nan")])
    print({1, 2} <= {1, 2, 3}, {1} > {1}, "b" >= "ab", [[1], [0, 5]] < [[1], [0, 6]])
    return 0


f()
