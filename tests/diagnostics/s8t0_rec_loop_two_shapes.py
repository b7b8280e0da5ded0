# a loop over a record's items, in a function called with records of different keys
def show(rec):
    for k, v in rec.items():
        print(k, v)


show({"name": "a", "n": 1})
show({"id": 2, "ok": True, "w": 0.5})
