# tier0: a record or list used as a set item or dict key raises TypeError (unhashable type), caught by except
import bodo


@bodo.jit
def as_key(r, xs):
    out = []
    d = {}
    try:
        d[r] = 1
    except TypeError as e:
        out.append(str(e))
    try:
        s = {xs}
        out.append(str(len(s)))
    except TypeError as e:
        out.append(str(e))
    return out, len(d)


person = {"name": "Ann", "age": 31}
print(as_key(person, [1, 2]))
try:
    seen = {person}
    print(len(seen))
except TypeError as e:
    print("TypeError:", e)
