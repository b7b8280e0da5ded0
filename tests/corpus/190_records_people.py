# tier0: records (dicts with values of different types): field reads and writes, +=, printing, sorted/min/max by a field, comprehensions, get/in/len/keys, ==, copy
import bodo


@bodo.jit
def oldest(people):
    best = people[0]
    for p in people:
        if p["age"] > best["age"]:
            best = p
    return best["name"], best["age"]


@bodo.jit
def birthday(people):
    for p in people:
        p["age"] += 1
    return people


@bodo.jit
def names_over(people, n):
    return [p["name"] for p in people if p["age"] > n]


@bodo.jit
def describe(p):
    s = ""
    for k in p:
        s += k + ";"
    return s, len(p), "age" in p, "zip" in p, p.get("age", 0), p.get("zip", -1), list(p.keys())


@bodo.jit
def best_of(people):
    best = None
    for p in people:
        if best is None or p["score"] > best["score"]:
            best = p
    return best


@bodo.jit
def stats(people):
    total = sum(p["score"] for p in people)
    top = max(people, key=lambda p: p["score"])
    low = min(people, key=lambda p: p["age"])
    order = sorted(people, key=lambda p: (-p["age"], p["name"]))
    return total, top["name"], low["name"], [p["name"] for p in order]


@bodo.jit
def make(name, age):
    return {"name": name, "age": age, "tags": ["a", "b"], "ok": age > 18, "note": None}


people = [
    {"name": "Ann", "age": 31, "score": 88.5},
    {"name": "Bob", "age": 25, "score": 92.0},
    {"name": "Cy", "age": 31, "score": 71.25},
]
print(oldest(people))
print(people[0])
print(birthday(people))
print(names_over(people, 30))
print(describe(people[1]))
print(best_of(people))
print(stats(people))
r = make("Zed", 7)
print(r, str(r), repr(r))
print(f"rec={r} name={r['name']:>5}|{r['age']:3d}")
print(r == make("Zed", 7), r == make("Zed", 8), r != make("Zed", 8))
r["name"] = "Amy"
r["tags"].append("c")
c = r.copy()
d = dict(r)
c["age"] = 99
print(r, c["age"], d["age"], isinstance(r, dict), type(r).__name__, bool(r))
for p in people:
    print(p["name"].upper(), p.get("score"), p.get("team", "none"))
