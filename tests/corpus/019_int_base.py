# tier0: int(s, base) for bases 0 and 2-36 (prefixes, underscores, CPython's errors) and base conversion round trips
import bodo


@bodo.jit
def parse(items):
    out = []
    for s, b in items:
        try:
            out.append(int(s, b))
        except ValueError as e:
            out.append(-1)
            print(str(e))
    return out


@bodo.jit
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    s = ""
    while n > 0:
        s = digits[n % b] + s
        n //= b
    return s


cases = [("ff", 16), ("0xff", 16), ("0x_ff", 16), ("  -101 ", 2), ("0b101", 0), ("0o17", 0), ("017", 0), ("0", 0),
         ("z", 36), ("Zz", 36), ("12", 3), ("1_000", 10), ("_1", 10), ("0x", 16), ("ff", 10), ("9", 8), ("10", 1), ("00", 0)]
print(parse(cases))
for n in [0, 5, 255, 1000, 123456789]:
    for b in [2, 8, 16, 36]:
        t = to_base(n, b)
        assert int(t, b) == n
    print(n, to_base(n, 2), to_base(n, 16), int(to_base(n, 36), 36))
