# tier0: records whose field is None in some rows and a value in others, or built None and given a value later (an optional field, read as its value in operators and methods after a None check), optional variables as dict keys and list indexes, a None accumulator over an empty list
import bodo


@bodo.jit
def build(rows):
    out = []
    for name, boss, pay in rows:
        if boss == "":
            out.append({"name": name, "boss": None, "pay": pay})
        else:
            out.append({"name": name, "boss": boss, "pay": pay})
    return out


@bodo.jit
def chain(recs):
    by = {r["name"]: r for r in recs}
    for r in recs:
        b = r["boss"]
        depth = 0
        while b is not None:
            depth += 1
            b = by[b]["boss"]
        print(r["name"], depth, r["boss"] or "-")


@bodo.jit
def scores(n):
    recs = []
    for j in range(n):
        if j % 2:
            recs.append({"id": j, "score": None, "note": "odd"})
        else:
            recs.append({"id": j, "score": j * 1.5, "note": "even"})
    recs[1]["score"] = 9.5
    recs[0]["score"] = None
    tot = 0.0
    for r in recs:
        s = r["score"]
        if s is not None:
            tot += s
    print(recs, tot)
    print(recs[0] == {"id": 0, "score": None, "note": "even"}, recs[2] == recs[2])
    ints = [{"k": "x", "v": 1}, {"k": "y", "v": None}]
    ints[1]["v"] = 7
    print(ints, [r["v"] for r in ints])


@bodo.jit
def field_values(n):
    recs = []
    for j in range(n):
        if j % 2:
            recs.append({"id": j, "score": None, "name": None})
        else:
            recs.append({"id": j, "score": j * 1.5, "name": "n" + str(j)})
    tot = 0.0
    names = []
    for r in recs:
        if r["score"] is None:
            continue
        tot += r["score"]
        if r["score"] > 2:
            names.append(r["name"].upper())
        print(f"{r['score']:.2f}", r["score"] * 2, -r["score"], r["name"][0], len(r["name"]))
    print(tot, names)
    try:
        print(recs[1]["score"] + 1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(recs[1]["name"].upper())
    except AttributeError as e:
        print("AttributeError:", e)


DEFAULT = {"name": "", "courses": 0, "total": 0, "best": None}


@bodo.jit
def later_values(raw):
    students = {}
    for name, score in raw:
        if name not in students:
            students[name] = {**DEFAULT, "name": name}
        s = students[name]
        s["courses"] += 1
        s["total"] += score
        if s["best"] is None or score > s["best"]:
            s["best"] = score
    print(students)
    recs = [{"id": i, "parent": None} for i in range(3)]
    for i in range(1, 3):
        recs[i]["parent"] = recs[i - 1]["id"]
    print(recs, [r["parent"] for r in recs if r["parent"] is not None])


@bodo.jit
def running_stats(xs):
    stats = {"min": None, "max": None, "count": 0, "sum": 0.0}
    for x in xs:
        if stats["min"] is None or x < stats["min"]:
            stats["min"] = x
        if stats["max"] is None or x > stats["max"]:
            stats["max"] = x
        stats["count"] += 1
        stats["sum"] += x
    print(stats, stats["sum"] / stats["count"])
    return stats


@bodo.jit
def lookups(d, xs, flag):
    k = None
    i = None
    if flag:
        k = "a"
        i = 1
    try:
        print(d[k])
    except KeyError as e:
        print("KeyError", e)
    try:
        print(xs[i])
    except TypeError as e:
        print("TypeError", e)


@bodo.jit
def best_of(vals):
    best = None
    for v in vals:
        if best is None or v > best:
            best = v
    return best


recs = build([("ann", "", 100.0), ("bob", "ann", 80.0), ("cy", "bob", 60.5)])
print(recs)
chain(recs)
scores(4)
field_values(5)
print(running_stats([3.5, -1.0, 8.25]))
later_values([("al", 91), ("bo", 78), ("al", 85), ("cy", 66)])
lookups({"a": 1}, [1, 2], True)
lookups({"a": 1}, [1, 2], False)
print(best_of([3, 8, -2]), best_of([]), best_of([2.5]))
