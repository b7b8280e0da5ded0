# a field built as None gets its first value in another function
def set_best(s, v):
    s["best"] = v


r = {"name": "a", "best": None}
set_best(r, 5)
print(r)
