# tier0: caught run-time errors with CPython's exact messages: list unpacking of the wrong length (in assignments and for targets), list(range()) with a zero step, float ** overflow; the partly built values are freed under the leak check
import bodo


@bodo.jit
def unpack(k, xs):
    try:
        if k == 0:
            a, b = xs
            return a + b
        if k == 1:
            a, b, c = xs
            return a + b + c
        if k == 2:
            a, b = [x for x in xs if x > 100]
            return a
        if k == 3:
            for a, b in [[1, 2], xs]:
                print(a, b)
            return 0
        return 0
    except ValueError as e:
        print("ValueError:", e)
        return -1


@bodo.jit
def ranges(k):
    try:
        a = list(range(1, 5, k))
        print(a)
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(sorted(list(range(0, 9, k)))[0])
    except ValueError as e:
        print("ValueError:", e)


@bodo.jit
def power(x, n):
    try:
        print(x ** n)
        print(x ** 2)
        print(x ** 10000)
    except OverflowError as e:
        print("OverflowError:", e)
    y = x
    try:
        y **= 400
        print(y)
    except OverflowError as e:
        print("OverflowError:", e)
    print(float("inf") ** 2, x ** 0.5)


for xs in [[1, 2, 3], [1, 2], [7], []]:
    for k in range(4):
        print(k, xs, unpack(k, xs))
ranges(0)
ranges(3)
power(10.0, 3)
power(1.5, 3)
