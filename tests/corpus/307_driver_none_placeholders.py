# tier0: driver code fills dicts and lists built with None placeholders, then uses the values
best = {"a": None, "b": None}
for k, v in [("a", 3), ("b", 5), ("a", 7)]:
    if best[k] is None or v > best[k]:
        best[k] = v
print(best, best["a"] + best["b"])
slots = [None, None, None]
for i in range(3):
    slots[i] = i * 1.5
print(slots, sum(s for s in slots if s is not None))
rows = [{"name": "x", "score": None}]
rows[0]["score"] = 9
print(rows, rows[0]["score"] * 2)
