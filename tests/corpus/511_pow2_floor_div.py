# Floor division and modulo by power-of-two constants (a shift and a mask) agree with Python for negative operands too, beside other constant divisors.
import bodo


@bodo.jit
def table(xs):
    out = []
    for x in xs:
        out.append((x // 2, x % 2, x // 8, x % 8, x // 1, x % 1, x // 1024, x % 1024, x // 3, x % 3, x // -4, x % -4))
    return out


@bodo.jit
def halving(n):
    steps = 0
    while n != 1 and n != -1 and n != 0:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


for row in table([0, 1, 2, 7, 8, 9, -1, -2, -7, -8, -9, -1025, 1025, 9223372036854775807, -9223372036854775808]):
    print(row)
print(halving(27), halving(-3), halving(1 << 40))
