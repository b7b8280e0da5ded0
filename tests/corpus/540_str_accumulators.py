# Str variables grown by += in loops (kept as builders): every way to read them.
import bodo


@bodo.jit
def spaced(words):
    out = ""
    for w in words:
        out += w
        out += " "
    return out


@bodo.jit
def rows(n):
    lines = []
    for i in range(n):
        line = "#"
        for j in range(i % 4):
            line = line + f"{j}é"
        lines.append(line)
    return "|".join(lines)


@bodo.jit
def outer_reads(n):
    seen = []
    total = 0
    for i in range(n):
        s = str(i)
        for k in range(3):
            s += "ab"[k % 2]
        seen.append(s)
        total += len(s)
        if s.startswith("2"):
            print("starts with 2:", s, s.upper())
    return seen, total


@bodo.jit
def with_break(n):
    s = ""
    i = 0
    while True:
        if i >= n:
            break
        s += chr(65 + i % 26)
        i += 1
    t = s
    s += "!"
    return s, t, len(t)


@bodo.jit
def in_try(xs):
    acc = ""
    for x in xs:
        try:
            acc += str(10 // x)
        except ZeroDivisionError:
            acc += "inf"
        acc += ","
    return acc


@bodo.jit
def comprehension_reads(n):
    s = ""
    for i in range(n):
        s += "x"
    return [s + str(i) for i in range(3)]


@bodo.jit
def empty_and_unicode(n):
    s = ""
    for _ in range(n):
        s += "日本"
    return s, len(s)


print(repr(spaced(["a", "bb", "ccc"])))
print(rows(7))
print(outer_reads(25))
print(with_break(30))
print(in_try([1, 0, 3, 0]))
print(comprehension_reads(4))
print(empty_and_unicode(0), empty_and_unicode(3))
