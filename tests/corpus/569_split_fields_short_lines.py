# tier1: fields of a split read by constant index on lines of every length around 32 and 64 bytes, missing fields, separators at both ends, non-ASCII text
import bodo


@bodo.jit
def fields_of(text):
    out = []
    for line in text.split("\n"):
        f = line.split(",")
        try:
            out.append(f"{f[0]}|{f[2]}|{f[5]}")
        except IndexError:
            out.append("short:" + f[0])
    return out


@bodo.jit
def first_two(text):
    total = 0
    widths = 0
    for line in text.split("\n"):
        f = line.split(";")
        total += int(f[0])
        widths += len(f[1])
    return total, widths


@bodo.jit
def whole_string(s):
    # The split string is a whole string, not a piece of a line.
    f = s.split("|")
    return f[0], f[1], f[3]


lines = []
for n in range(0, 100):
    base = ",".join(str(j) * (1 + (n + j) % 4) for j in range(n % 9 + 1))
    lines.append((base + ",x" * (n % 3))[: n + 3])
lines += [",,,,,,", ",a,b,c,d,e,", "é,ü,ö,ä,ß,€,ø", "," * 70, "a" * 63 + ",b,c,d,e,f", "a" * 31 + ",,,,,,", "a" * 33 + ",,,,,,"]
for r in fields_of("\n".join(lines)):
    print(r)
rows = [f"{i};{'w' * (i % 70)};{i * 3}" for i in range(200)]
print(first_two("\n".join(rows)))
print(whole_string("alpha|béta|gamma|" + "d" * 40))
print(whole_string("a|b|c|d"))
