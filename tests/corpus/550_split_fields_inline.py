# tier0: constant-index reads of a one-byte split found inline: fields at every offset and length, empty and missing fields, whole strings and pieces, non-ASCII text, nested splits
import bodo


@bodo.jit
def fields_of_lines(text):
    out = []
    for line in text.split("\n"):
        f = line.split(",")
        try:
            out.append(f"{f[0]}|{f[1]}|{f[3]}")
        except IndexError:
            out.append("short:" + f[0])
    return out


@bodo.jit
def whole(s):
    f = s.split(";")
    return f[0], f[1], f[2]


@bodo.jit
def first_only(s):
    f = s.split(":")
    return f[0]


@bodo.jit
def nested(text):
    acc = 0.0
    names = []
    for line in text.split("|"):
        cols = line.split(",")
        sub = cols[1].split(":")
        acc += float(sub[1])
        names.append(sub[0] + "." + cols[2])
    return acc, names


@bodo.jit
def missing(s, k):
    f = s.split(",")
    if k == 0:
        return f[0]
    if k == 1:
        return f[1]
    return f[5]


def main():
    lines = []
    for n in range(0, 40, 3):
        a = "x" * n
        b = "é" * (n % 7)
        lines.append(f"{a},{b},{n},{a[:n // 2]}")
    lines += ["", ",", ",,", ",,,", "a,b,c,d", "a,b,c", "a,b", "nothing", ",,,,,,", "ü,ö,ä,ß,", "a" * 70 + ",b," + "c" * 70 + ",d" * 3]
    for row in fields_of_lines("\n".join(lines)):
        print(row)
    print(whole("alpha;beta;gamma;delta"))
    print(whole(";;"))
    print(whole("é;" + "x" * 20 + ";"))
    print(first_only("key:value"), first_only(":"), first_only("no separator here"), first_only(""))
    print(nested("a,k:1.5,z|bb,kk:2.25,y|ccc,kkk:-3.0,x,extra"))
    print(missing("a,b", 0), missing("a,b", 1))
    for s in ["a", ""]:
        try:
            print(missing(s, 1))
        except IndexError as e:
            print("IndexError", e)
    try:
        print(missing("a,b,c,d,e", 2))
    except IndexError as e:
        print("IndexError", e)
    print(missing("a,b,c,d,e,f", 2))


main()
