# tier0: str.format with **mapping (a record or a dict), item access in fields ({0[name]}, {[0]}, nested), KeyError for a missing key
import bodo


@bodo.jit
def f(rows):
    rec = {"name": "ann", "age": 31, "tags": ["a", "b"]}
    print("{name} is {age}".format(**rec))
    print("{0[name]:>6} is {0[age]:03d} ({0[tags][1]})".format(rec))
    print("{name}: {n}".format(n=5, **rec))
    d = {"x": 1.5, "y": 2.0}
    print("x={x:.2f}, y={y}".format(**d))
    for r in rows:
        print("{} -> {[0]}".format(r, r))
    try:
        print("{zz}".format(**d))
    except KeyError as e:
        print("KeyError", e)


f([("p", 1), ("q", 2)])
