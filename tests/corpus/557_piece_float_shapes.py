# tier0: float() of split fields of every short shape: digits, points, signs, exponents and stray bytes in bodies of 0 to 11 bytes, at the start of the text and after it, valid ones summed and invalid ones counted as ValueError
import bodo


@bodo.jit
def make(n, seed):
    alphabet = "0123456789.0123456789.-+e x_"
    lines = []
    state = seed
    for i in range(n):
        fields = []
        for f in range(3):
            state = (state * 1103515245 + 12345) % 2147483648
            k = state % 12
            s = ""
            t = state // 16
            for j in range(k):
                s += alphabet[t % len(alphabet)] if t % 5 else "0123456789"[t % 10]
                t = t // 7 + j * 13
            fields.append(s)
        lines.append(";".join(fields))
    return "\n".join(lines)


@bodo.jit
def parse(text):
    total = 0.0
    good = 0
    bad = 0
    out = []
    for line in text.split("\n"):
        fields = line.split(";")
        try:
            x = float(fields[0])
            total += x
            good += 1
            out.append(x)
        except ValueError:
            bad += 1
        try:
            x = float(fields[1])
            total += x
            good += 1
            out.append(x)
        except ValueError:
            bad += 1
        try:
            x = float(fields[2])
            total += x
            good += 1
            out.append(x)
        except ValueError:
            bad += 1
    return total, good, bad, out


t = make(20000, 3)
total, good, bad, out = parse(t)
print(good, bad)
print(out[:200])
print(sum(out[200:]))
print(parse("1.5;2;.5")[:3], parse("7;-0;+.25")[3], parse("12345678;1234567.;-9.9999")[3])
