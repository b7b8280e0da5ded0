# tier0: TypeError raised where CPython raises it (and caught there) for sorted()/list.sort() of unorderable items, set.add/dict.setdefault of an unhashable record
import bodo


@bodo.jit
def f():
    recs = [{"a": 1, "b": "x"}, {"a": 0, "b": "y"}]
    try:
        print(sorted(recs))
    except TypeError as e:
        print("sorted:", e)
    try:
        recs.sort()
    except TypeError as e:
        print("sort:", e)
    vals = [3, None, 1]
    try:
        print(sorted(vals, reverse=True))
    except TypeError as e:
        print("sorted:", e)
    seen = set()
    try:
        seen.add(recs[0])
    except TypeError as e:
        print("add:", e)
    idx = {}
    try:
        idx.setdefault(recs[1], 0)
    except TypeError as e:
        print("setdefault:", e)
    print(recs, len(seen), idx)


f()
