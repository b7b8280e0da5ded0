# Format specs recognised at compile time (plain int padding, fixed-point floats) print as CPython does, signs, zeros, widths, nan/inf and huge values included.
import bodo

@bodo.jit
def f(xs, ys):
    out = []
    for x in xs:
        out.append(f"[{x:d}|{x:6d}|{x:06d}|{x:0}|{x:3}|{x:08}]")
    for y in ys:
        out.append(f"[{y:.2f}|{y:8.3f}|{y:08.1f}|{y:.0f}|{y:010.4f}|{y:0.2f}]")
    return out

for line in f([0, 7, -42, 123456789, -9223372036854775807], [0.0, -0.0, 0.125, -0.004, 2.675, 1e300, float("inf"), float("-inf"), float("nan"), 1234.5678, -99.995]):
    print(line)
