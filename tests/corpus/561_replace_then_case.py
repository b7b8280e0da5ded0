# tier0: .replace(literals).upper()/.lower() of whole strings and split fields, ASCII and not, short and long
import bodo


@bodo.jit
def f(texts):
    out = []
    for t in texts:
        out.append(t.replace("item-", "").upper())
        out.append(t.replace("-", "é").upper())
        out.append(t.replace("-", "Ab").lower())
        out.append(t.replace("x", "").lower())
        fields = (t + ";" + t).split(";")
        out.append(fields[1].replace("item-", "").upper() + fields[0].replace("A", "b").lower())
    return out


print(f(["item-ab", "Item-Xy", "item-", "", "aXbYcZ-", "item-ÿx", "item-abcdefghijk", "@[`{-", "zz"]))
