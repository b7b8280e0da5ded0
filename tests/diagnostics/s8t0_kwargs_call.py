# `**` in a call's arguments is not supported
def show(name, n):
    print(name, n)


rec = {"name": "a", "n": 1}
show(**rec)
