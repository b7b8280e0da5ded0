# tier0: a record filled field by field after `rec = {}` (values of different types, later fields computed from earlier ones), dicts filled the same way with one value type, sorted/min/max/set of a record's keys, rec.update() of existing keys
import bodo


@bodo.jit
def parse(lines):
    out = []
    for line in lines:
        parts = line.split(",")
        rec = {}
        rec["name"] = parts[0].strip().title()
        rec["qty"] = int(parts[1])
        rec["price"] = float(parts[2])
        rec["total"] = rec["qty"] * rec["price"]
        rec["tags"] = []
        if rec["total"] > 10:
            rec["tags"].append("big")
        rec["qty"] += 1
        out.append(rec)
    return out


@bodo.jit
def summarize(recs):
    stats = dict()
    stats["count"] = 0
    stats["total"] = 0.0
    stats["names"] = set()
    for r in recs:
        stats["count"] += 1
        stats["total"] += r["total"]
        stats["names"].add(r["name"])
    print(stats["count"], stats["total"], sorted(stats["names"]))
    counts = {}
    counts["a"] = 0
    counts["b"] = 0
    for w in "abba":
        counts[w] += 1
    counts["c"] = 9
    print(counts)
    r = recs[0]
    r.update({"qty": r["qty"] * 2, "name": r["name"].upper()})
    r.update(price=0.5)
    print(r)
    print(sorted(r), sorted(r, reverse=True), min(r), max(r), sorted(set(r)), list(r), [k.upper() for k in r], "-".join(r))


recs = parse(["ann,3,2.5", " bob ,10,1.25"])
print(recs)
summarize(recs)
