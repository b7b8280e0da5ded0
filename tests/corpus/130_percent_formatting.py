# tier0: printf-style % formatting: tuple/single/variable/dict operands, flags, widths, `*`, %d of floats, %c, %r/%a, module constant formats, run-time errors caught
import bodo

ROW = "%-8s|%8.3f|%+4d"


@bodo.jit
def report(names, vals):
    lines = []
    for i in range(len(names)):
        lines.append(ROW % (names[i], vals[i], i - 1))
        lines.append("%3d%% of %s" % (i * 25, names[i]))
    return lines


@bodo.jit
def flags(n, x, s):
    print("[%5d] [%-5d] [%05d] [% d] [%+5d] [%i] [%u]" % (n, n, -n, n, n, n, n))
    print("%x %X %o %#x %#o %#X" % (n * 6, n * 6, n, n * 6, n, n * 6))
    print("%e|%E|%g|%G|%.3e|%10.4g|%-10.2f|%010.3f" % (x, x, x, 1e-7, x, x, x, -x))
    print("%d %d %d %f %.0f %5.1f%%" % (x, -x, True, n, 2.5, 99.44))
    print("[%10s] [%-10s] [%.2s] [%*d] [%-*d] [%.*f]" % (s, s, s, 6, n, 6, n, 2, x))
    print("%s %r %a %s %s" % (s, s, "naïve", None, [1.5, 2.0]))
    print("%c%c%c" % (72, "i", 33))
    t = (s, n)
    print("%s=%d" % t)
    d = {"user": s, "role": "admin"}
    print("%(user)s is %(role)s" % d)
    return "%s:%s" % (n, x)


@bodo.jit
def risky(vals, codes):
    for v in vals:
        try:
            print("%d|%5.1f" % (v, v))
        except ValueError as e:
            print("ValueError:", e)
        except OverflowError as e:
            print("OverflowError:", e)
    for c in codes:
        try:
            print("[%c]" % c)
        except OverflowError as e:
            print("OverflowError:", e)


for line in report(["alpha", "beta", "gamma"], [1.5, -22.125, 1000.0]):
    print(line)
print(flags(42, 3.14159, "it's"))
risky([1.9, -2.5, float("nan"), float("inf")], [65, 0x1F600, 0x110000])
count = 7
print("driver: %03d items at %.2f each, %s" % (count, 2.5, "ok"), "%s" % "x" * 3)
