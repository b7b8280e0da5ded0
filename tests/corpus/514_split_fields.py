# Splits read only by constant index keep their pieces as byte ranges: float/int/== read them in place, other uses make strings, and missing fields, bad numbers and empty separators raise as a list would.
import bodo


@bodo.jit
def digest(text):
    total = 0.0
    count = 0
    names = []
    for line in text.split("\n"):
        fields = line.split(";")
        total += float(fields[2])
        if fields[3] == "yes":
            count += int(fields[0])
        if fields[3] != "no":
            names.append(fields[1].upper() + "/" + str(len(fields)))
    return total, count, names


@bodo.jit
def pairs(text):
    out = {}
    for item in text.split(", "):
        kv = item.split("=")
        out[kv[0]] = kv[1] if len(kv) > 1 else ""
    return out


@bodo.jit
def unicode_fields(line):
    parts = line.split("·")
    return parts[0], parts[2], len(parts), parts[1] == "ü"


@bodo.jit
def missing(line):
    f = line.split(",")
    return f[3]


@bodo.jit
def bad_number(text):
    s = 0
    for line in text.split("|"):
        s += int(line)
    return s


@bodo.jit
def nested(text):
    acc = []
    for line in text.split(";"):
        cols = line.split(",")
        sub = cols[1].split(":")
        acc.append((cols[0], sub[0], float(sub[1])))
    return acc


@bodo.jit
def rebound(text):
    out = []
    for line in text.split("\n"):
        f = line.split(" ")
        out.append(f[0] + f[1])
        f2 = f[1]
        out.append(f2 * 2)
    return out


@bodo.jit
def as_list(text):
    for line in text.split("\n"):
        f = line.split(",")
        print(f, f[0] == "a", float(line.split(",")[1]))


@bodo.jit
def catch(line):
    try:
        return missing(line)
    except IndexError as e:
        return "IndexError: " + str(e)


print(digest("7;ab;1.5;yes\n8;cd;2.25;no\n9;é;-0.5;maybe\n10;x;1e3;yes"))
print(pairs("a=1, b=, c, d=x=y"))
print(unicode_fields("日本·ü·é·"))
print(catch("a,b,c"), missing("a,b,c,d,e"))
print(nested("k,x:1.5;l,y:2"))
print(rebound("a b\nc d e"))
as_list("a,1\nb,2.5")
try:
    print(bad_number("1|2|x3"))
except ValueError as e:
    print("ValueError:", e)
