# tier0: augmented assignments change lists, sets and dicts in place (aliases, list items, dict values, record fields see it)
import bodo


@bodo.jit
def lists():
    a = [1]
    b = a
    a += [2]
    a += (3, 4)
    a += range(2)
    a *= 2
    print(a, b)
    z = [1, 2]
    w = [z, z]
    w[0] += [3]
    print(w, z)
    rows = [[0], [1]]
    for r in rows:
        r += [9]
    print(rows)
    words = []
    words += "ab"
    words += ("c",)
    m = [[1, 2], [3]]
    m[1] *= 3
    print(words, m)
    return a


@bodo.jit
def sets_and_dicts():
    s = {1, 5, 7}
    t = s
    s |= {2}
    s -= {5}
    s ^= {7, 9}
    s &= {1, 2, 9, 11}
    print(sorted(s), sorted(t))
    s.intersection_update([1, 2])
    s.symmetric_difference_update({3})
    s.difference_update({1})
    print(sorted(t))
    d = {"x": 1}
    e = d
    d |= {"y": 2}
    print(d, e)
    groups = {}
    for w in "to be or not to be".split():
        if w[0] not in groups:
            groups[w[0]] = set()
        groups[w[0]] |= {w}
    print([(k, sorted(groups[k])) for k in sorted(groups)])
    hist = {"k": [1]}
    keep = hist["k"]
    hist["k"] += [2]
    print(hist, keep)
    rec = {"name": "a", "tags": ["p"], "n": 1}
    tags = rec["tags"]
    rec["tags"] += ["x"]
    rec["n"] += 2
    print(rec, tags)
    return len(s)


print(lists())
print(sets_and_dicts())
