# tier0: division by constant divisors (no check) and by zero constants (ZeroDivisionError) in loops and handlers
import bodo


@bodo.jit
def f(n):
    acc = 0.0
    for i in range(n):
        acc += i / 2.0 + i / 4 - i / -0.5
    return acc


@bodo.jit
def g(x, k):
    try:
        return x / 0.0
    except ZeroDivisionError as e:
        try:
            return x / 0
        except ZeroDivisionError as e2:
            try:
                return x / -0.0
            except ZeroDivisionError as e3:
                return float(len(str(e) + str(e2) + str(e3))) + x / k


print(f(1000))
print(g(3.0, 2))
