# tier0: split loops and split fields over texts where fields end inside, at and past the eight bytes after their start, near the end of the text
import bodo


@bodo.jit
def pieces(text):
    out = []
    for w in text.split(","):
        out.append(len(w))
    return out


@bodo.jit
def fields(text):
    out = []
    for line in text.split("\n"):
        f = line.split(",")
        if len(line) > 0 and line[0] == "#":
            continue
        out.append(f[0] + "|" + f[1])
    return out


def main():
    state = 7
    for n in range(0, 48):
        chars = []
        for i in range(n):
            state = (state * 1103515245 + 12345) % 2147483648
            chars.append("," if state % 5 == 0 else ("é" if state % 11 == 0 else "x"))
        text = "".join(chars)
        print(n, pieces(text))
    lines = []
    for n in range(1, 30):
        lines.append("a" * n + "," + "b" * (30 - n) + "," + "c")
        lines.append("," * (n % 3) + "d" * n + ",e")
    print(fields("\n".join(lines)))


main()
