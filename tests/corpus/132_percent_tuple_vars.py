# tier0: % formatting with tuple variables (one per field, and a 1-tuple as the only argument) and negative `*` widths that left-align
import bodo


@bodo.jit
def table(rows, width):
    lines = []
    header = ("name", "qty", "price")
    lines.append("%-*s %5s %8s" % (width, header[0], header[1], header[2]))
    for row in rows:
        lines.append("%-*s %5d %8.2f" % (width, row[0], row[1], row[2]))
    return lines


@bodo.jit
def each(rows):
    out = []
    for row in rows:
        out.append("%s: %d x %.2f" % row)
    return out


@bodo.jit
def ids(ns):
    out = []
    for n in ns:
        t = (n,)
        out.append("#%04d" % t)
        out.append("[%*d]" % (-n, n))
    return out


rows = [("widget", 3, 2.5), ("gizmo", 10, 0.99), ("thingamajig", 1, 100.0)]
for line in table(rows, 12):
    print(line)
print(each(rows))
print(ids([1, 5, 12]))


@bodo.jit
def widths(n):
    t = ("a", n)
    one = (n * 2,)
    print("%s-%d" % t)
    print("[%s] [%5d]" % (one[0], n), "[%s]" % one, "[%5d]" % one)
    print("[%*d] [%-*d] [%*s] [%0*d] [%+*d] [% *d]" % (-5, 3, -4, 7, -6, "ab", -5, 42, -6, n, -4, n))
    print("[%*d] [%*s] [%0*d] [%#*x]" % (5, 3, 4, "x", 5, -42, 8, 255))
    w = -7
    print("[%*.2f] [%*.*f]" % (w, 3.14159, w + 16, 3, 2.5))
    return "%s" % one


print(widths(4))
point = (1.5,)
print("%.2f" % point, "%s|%s" % ("x", point))
