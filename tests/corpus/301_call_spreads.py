# tier0: f(*tuple), f(**record), f(**{...}) and f(**dict) into user functions, with CPython's TypeErrors for bad keys
import bodo


def fmt(name, age, city="?"):
    return f"{name} ({age}) from {city}"


def area(w, h):
    return w * h


def greet(name, greeting="hello"):
    return f"{greeting}, {name}"


@bodo.jit
def spreads():
    rec = {"name": "Ann", "age": 31, "city": "Oslo"}
    t = ("Bob", 40)
    r2 = {"name": "Cy", "age": 22}
    print(fmt(**rec), fmt(*t), fmt(**r2, city="Rome"), fmt("Di", **{"age": 5}))
    tot = 0
    for s in [(2, 3), (4, 5)]:
        tot += area(*s)
    cfg = {"w": 2, "h": 7}
    a = area(**cfg)
    cfg["w"] = 9
    names = {"name": "ann"}
    g = greet(**names)
    names["greeting"] = "hi"
    print(tot, a, area(**cfg), g, greet(**names))
    for kw in [{"w": 1}, {"w": 1, "h": 2, "z": 3}, {"h": 3}]:
        try:
            print(area(**kw))
        except TypeError as ex:
            print("TypeError:", ex)
    wh = {"w": 2, "h": 3}
    try:
        print(area(1, **wh))
    except TypeError as ex:
        print("TypeError:", ex)
    try:
        print(area(w=1, **wh))
    except TypeError as ex:
        print("TypeError:", ex)
    return tot


print(spreads())
