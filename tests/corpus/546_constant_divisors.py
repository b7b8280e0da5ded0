# tier0: floor division and modulo by constant divisors (no zero check emitted) agree with Python for every sign; a literal zero divisor still raises ZeroDivisionError, catchable.
import bodo


@bodo.jit
def f(n):
    out = []
    for x in range(-n, n):
        out.append((x // 3, x % 3, x // -4, x % -4, x // 1, x % 1, x // -1, x % 8, x // 8))
    return out[:4], out[-3:]


@bodo.jit
def g(x):
    try:
        return x % 0
    except ZeroDivisionError as e:
        print("caught", e)
    return x // 0


print(f(7))
print(g(5))
