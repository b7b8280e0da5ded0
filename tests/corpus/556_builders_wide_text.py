# tier0: string builders holding non-ASCII text: f-string parts with wide literals, fields and separators, accumulated variables grown and joined, their lengths and slices by code point
import bodo


@bodo.jit
def rows(n):
    parts = []
    for i in range(n):
        name = "é" * (i % 3) + "x" * (i % 2)
        parts.append(f"{i:03d}·{name}|{i / 4:.2f}→{'ü' if i % 2 else 'a'}")
    return " ¦ ".join(parts)


@bodo.jit
def acc(n):
    s = ""
    for i in range(n):
        s += "ä" if i % 3 == 0 else "b"
        s += str(i)
    return s


@bodo.jit
def nested(n):
    out = []
    for i in range(n):
        w = ""
        for j in range(i):
            w += "ñ" if j % 2 else "n"
        out.append(w)
    return "→".join(out)


for n in [0, 1, 2, 7, 40]:
    r = rows(n)
    print(len(r), r[:60], r[-20:], r[len(r) // 2 : len(r) // 2 + 10])
    a = acc(n)
    print(len(a), a[:30], a[-10:])
    t = nested(n)
    print(len(t), t[-25:], t.count("ñ"))
