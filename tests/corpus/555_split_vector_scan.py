# tier0: split loops over texts whose pieces are 0 to 90 bytes long, so that every piece end is found by the eight-byte window, the 32-byte vector steps, the vector read ending at the text's end, or the word scan of a short text
import bodo


@bodo.jit
def pieces(text):
    out = []
    for line in text.split("\n"):
        out.append(len(line))
    return out


@bodo.jit
def fields(text):
    total = 0
    for line in text.split("\n"):
        f = line.split(";")
        total = total * 31 % 1000003 + len(f[0]) * 7 + len(f[1])
    return total


@bodo.jit
def make(n, seed):
    parts = []
    state = seed
    for i in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        k = state % 91
        a = (state // 91) % (k + 1)
        parts.append("x" * a + ";" + "y" * (k - a))
    return "\n".join(parts)


for n in [0, 1, 2, 3, 5, 40, 300]:
    t = make(n, n + 7)
    print(n, len(t), sum(pieces(t)), fields(t) if n > 0 else 0)
for s in ["", "\n", "\n\n", "a", "ab\n", "\nab", "a" * 31, "a" * 31 + "\n", "a" * 32 + "\nb", "b" * 40 + "\n" + "c" * 7, "é" * 20 + "\n" + "ü" * 17]:
    print(pieces(s))
    print(pieces(s + ";x\n" + s))
