# tier0: constant f-string specs reused in loops (int/float/str/bool, padding, alignment, grouping, a bad spec raising at each use), computed specs, string concatenation with empty strings, float() of plain and other numerals
import bodo


@bodo.jit
def rows(n):
    out = []
    for i in range(n):
        price = (i * 37 % 1000) / 8.0 - 40.0
        flag = i % 3 == 0
        out.append(f"{i:06d}|{i:<5}|{i:^7d}|{-i:=+8}|{price:.2f}|{price:>10.3f}|{price:+09.1f}|{flag:>6}|{'ab':*^6}|{i * 1234567:,}|{price:e}")
    return out


@bodo.jit
def computed_specs(xs):
    out = []
    for w in range(1, 4):
        for x in xs:
            out.append(f"[{x:{w}.{w}f}] [{x:>{w + 5}}]")
    return out


@bodo.jit
def bad_spec_each_time(n):
    errors = 0
    last = ""
    for i in range(n):
        try:
            last = f"{i:q}"
        except ValueError as e:
            errors += 1
            last = str(e)
    return errors, last


@bodo.jit
def build_words(n):
    parts = ["ka", "", "lo", "mi", ""]
    words = []
    for i in range(n):
        w = ""
        for j in range(i % 4):
            w += parts[(i + j) % 5]
        words.append(w)
        words.append("" + w + "")
    joined = "-".join(words)
    return len(words), joined[:60], words[:9]


@bodo.jit
def grow_shared(n):
    base = "x"
    a = "" + base
    a += "y"
    b = base + ""
    for i in range(n):
        b += str(i % 10)
    return base, a, b


@bodo.jit
def parse_floats(texts):
    out = []
    for t in texts:
        try:
            out.append(float(t))
        except ValueError as e:
            out.append(-1.0)
            print(str(e))
    return out


print(len(rows(50)))
for r in rows(12):
    print(r)
print(computed_specs([3.14159, -2.5, 1234.5678]))
print(bad_spec_each_time(5))
print(build_words(23))
print(grow_shared(12))
print(parse_floats(["12.50", "-0", "+0.0", "1.", ".5", "-.5", "007", "9007199254740993", "0.1", "123456789012345678901.5",
                    "1e5", " 2.5 ", "1_000.25", "-0.0000000000000000000000012", "3.14159265358979323846", "nan", "-inf",
                    ".", "", "1.2.3", "abc", "--1"]))
