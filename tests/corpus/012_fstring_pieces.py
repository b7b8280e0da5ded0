# tier0: f-strings with specs, nested specs, !r/!s conversions with specs, containers, None and bools, non-ASCII text
import bodo


@bodo.jit
def f(n):
    out = []
    for i in range(n):
        x = i * 1.25
        name = "é" * (i % 3)
        out.append(f"{i:03d}|{x:.1f}|{name!r:>6}|{x!s:<8}|{i}|{name}|{[x, x]}|{(name, i)!r}|{None}|{i % 2 == 0}|{x:{i + 5}.{i % 3}f}|")
    return out


for s in f(4):
    print(s)
print(f"{'abc'!r:^9}|{3!s:>4}")
