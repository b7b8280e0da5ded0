# tier0: float() of split fields parsed inline when plain decimals (every length up to and past 20 bytes, signs, -0, leading zeros, 19 and 20 digits, 2^53 and 2^53+1, 22 and 23 fraction digits) and by the runtime otherwise (exponents, spaces, nan/inf, underscores, non-ASCII digits, ValueError), fields in the middle and at the end of lines and texts, loop-variable pieces
import bodo


@bodo.jit
def convert_middle(text):
    out = []
    total = 0.0
    for line in text.split("\n"):
        fields = line.split(";")
        try:
            x = float(fields[1])
            out.append((fields[0], x, ""))
            if x == x and x - x == 0.0:
                total += x
        except ValueError as e:
            out.append((fields[0], 0.0, str(e)))
    return out, total


@bodo.jit
def convert_last(text):
    out = []
    for line in text.split("\n"):
        fields = line.split(";")
        try:
            out.append(float(fields[1]))
        except ValueError as e:
            out.append(-1.0)
            print("ValueError:", e)
    return out


@bodo.jit
def line_sums(text):
    sums = []
    total = 0.0
    for line in text.split("\n"):
        fields = line.split(";")
        s = float(fields[0]) + float(fields[1]) + float(fields[2])
        sums.append(s)
        total += float(fields[2])
    return sums, total


@bodo.jit
def words(text):
    out = []
    for w in text.split("5"):
        try:
            out.append(float(w))
        except ValueError:
            out.append(-1.0)
    return out


def digits(n):
    return "".join(str((3 + 7 * i) % 10) for i in range(n))


def main():
    values = []
    for n in range(1, 25):
        d = digits(n)
        values.append(d)
        values.append("+" + d)
        values.append(d[: n // 2] + "." + d[n // 2:])
        values.append("-" + d[: (n + 1) // 2] + "." + d[(n + 1) // 2:])
        values.append("0" * (n - 1) + "5")
        values.append("-" + "0" * (n - 1) + "5")
        if n >= 3:
            values.append("0." + "0" * (n - 3) + "25")
            values.append("-" + "0" * (n - 3) + ".25")
    values += ["-0", "+0", "0.0", "-0.0", "-0.", "-.0", "007", "00.50", "-007.250",
               "1234567890123456789", "-1234567890123456789", "12345678901234567890", "-12345678901234567890",
               "9007199254740992", "-9007199254740992", "9007199254740993", "-9007199254740993",
               "9007199254740991", "900719925474099.3", "0.9007199254740993", "90071992547409.92",
               "000000000000000.1234", "-000000000000000.1234", "+000000000000000.1234", "0000000000000000.1234",
               "0.000000000000000001", "-0.000000000000000001", "0.0000000000000000001",
               ".0000000000000000000001", ".00000000000000000000001", "0.1234567890123456789012",
               "0.12345678901234567890123", "1.5", "0.1", "0.2", "0.3", "2.675", "1e5", "1E-3", "-2.5e+3",
               " 7", "7 ", "\t8", " -1.5 ", "nan", "NaN", "-nan", "inf", "-inf", "-Infinity", "+INFINITY",
               "1_000.5", "1_000", ".5", "5.", "-.5", "+5.", ".", "", "-", "+", "--5", "+-5", "1.2.3",
               "1..2", "..", "abc", "12a", "0x10", "١٢", "1.5é", "é"]
    lines = [f"v{i};{v};{i % 7}" for i, v in enumerate(values)]
    out, total = convert_middle("\n".join(lines))
    for name, x, err in out:
        if err:
            print(name, "ValueError:", err)
        else:
            print(name, repr(x))
    print("total", repr(total))

    ends = ["a;1.25", "b;-3", "c;", "d;7.", "e;-", "f;0.5"]
    print(convert_last("\n".join(ends)))
    print(convert_last("x;12.5\ny;-0"))
    print(convert_last("x;12.5\ny;"))

    rows = ["1.5;2.25;-0.125", "100;-100;0.1", "-0;-0;-0", "0.001;0.002;0.003", "12345678.9;0.1;7",
            "1e2;2.5;-1.5", " 3;4 ;5"]
    sums, total = line_sums("\n".join(rows))
    print(sums, repr(total))

    print(words("-5+5.5-.5"))
    print(words("1.525"))
    print(words("12.3405-0.55"))


main()
