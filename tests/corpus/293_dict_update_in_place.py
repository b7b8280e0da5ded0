# tier0: d[k] = d.get(k, c) op e, d[k] op= e and d[k] = d[k] op e update a dict entry in place, with CPython's KeyError / ZeroDivisionError behaviour
import bodo


@bodo.jit
def counts(words):
    c = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
    totals = {}
    for i, w in enumerate(words):
        totals[w] = totals.get(w, 0.5) + i * 0.25
    hits = {"a": 0, "b": 0}
    for w in words:
        if w in hits:
            hits[w] += 2
    return c, totals, hits


@bodo.jit
def strict(words):
    d = {"x": 1}
    n = 0
    try:
        for w in words:
            d[w] += 1
            n += 1
    except KeyError as e:
        print("KeyError", e, n, d)
    return d


@bodo.jit
def zero(k):
    d = {1: 10, 2: 20}
    try:
        d[k] = d.get(k, 5) // 0
    except ZeroDivisionError as e:
        print("zde", e, d)
    try:
        d[k] //= 0
    except ZeroDivisionError as e:
        print("zde2", e, d)
    except KeyError as e:
        print("ke", e, d)
    d[k] = d[k] * 3 if k in d else 0
    if k in d:
        d[k] = d[k] * 3
    return d


def bump(d, w):
    d[w] = d.get(w, 0) + 100
    return 1


@bodo.jit
def impure(words):
    # The added value inserts into the dict: two separate lookups.
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + bump(d, w + "!")
    means = {"x": 1.5}
    means["x"] -= 0.25
    means["x"] *= 2
    means["x"] **= 2
    return d, means


words = "a b a c b a d a".split()
print(counts(words))
print(strict(["x", "x", "y", "x"]))
print(zero(2))
print(zero(7))
print(impure(["p", "q", "p"]))
