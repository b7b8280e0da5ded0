# tier0: loops over str.split pieces (separator and whitespace splits, empty pieces, unicode, early exits, nested in comprehensions, enumerate, zip, reversed)
import bodo


@bodo.jit
def pieces(text, sep):
    out = []
    for p in text.split(sep):
        out.append(p)
    return out


@bodo.jit
def words(text):
    return [w.upper() for w in text.split()]


@bodo.jit
def first_long(text, n):
    for w in text.split():
        if len(w) >= n:
            return w
    return "-"


@bodo.jit
def numbered(text):
    rows = []
    for i, field in enumerate(text.split(";"), 1):
        if field == "":
            continue
        if field == "stop":
            break
        rows.append(f"{i}:{field}")
    return rows


@bodo.jit
def pairs(a, b):
    return [(x, int(y)) for x, y in zip(a.split(","), b.split())]


@bodo.jit
def backwards(text):
    return [w for w in reversed(text.split("/"))]


@bodo.jit
def totals(lines):
    total = 0
    for line in lines.split("\n"):
        for cell in line.split(","):
            if cell.strip():
                total += int(cell)
    return total


@bodo.jit
def checked(text):
    try:
        n = 0
        for w in text.split(""):
            n += 1
        return n
    except ValueError as e:
        return -1 if str(e) == "empty separator" else -2


@bodo.jit
def parse(text):
    vals = []
    for w in text.split(" "):
        vals.append(int(w))
    return vals


print(pieces("a,b,,c,", ","))
print(pieces("", ","))
print(pieces("no separator here", ";"))
print(pieces("x--y----z--", "--"))
print(pieces("ünï,cødé,ß", ","))
print(words("  the quick\tbrown\n fox  \u3000jumps "))
print(words(""), words("   "))
print(first_long("a bb ccc dddd eeeee", 4), first_long("a b", 3))
print(numbered("x;;y;z;stop;w"))
print(pairs("a,b,c", "1 2 3 4"))
print(backwards("usr/local/bin"))
print(totals("1,2,3\n4, ,5\n\n6"))
print(checked("abc"))
try:
    print(parse("1 2 x 4"))
except ValueError as e:
    print("ValueError:", e)
print(sum(len(w) for w in "one two three".split()))
