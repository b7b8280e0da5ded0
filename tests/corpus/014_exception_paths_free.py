# tier1: caught exceptions, the arrays a failing array expression held, and the values an expression (operands, arguments, container literals) held when a later part raised are freed on every way out (return, break, fall-through), in loops
import numpy as np

import bodo


@bodo.jit
def ratio_or_default(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return -1.0


@bodo.jit
def first_bad(words):
    seen = 0
    for w in words:
        try:
            seen += int(w)
        except ValueError as e:
            print("stopped at", w, "-", e)
            break
    return seen


@bodo.jit
def column_or_zero(X, j):
    try:
        return float(np.sum(X[:, j] * 2.0))
    except IndexError:
        return 0.0


@bodo.jit
def checked_products(X, width):
    done = 0
    failed = 0
    for k in range(width):
        try:
            done += int(np.dot(X, np.ones(k)).sum())
        except ValueError:
            failed += 1
    return done, failed


total = 0.0
for i in range(200):
    total += ratio_or_default(float(i), float(i % 3))
print(total)
print(first_bad(["3", "4", "x5", "6"]))
X = np.ones((10, 3))
print([column_or_zero(X, j) for j in range(5)])
print(checked_products(X, 6))


@bodo.jit
def odd_fails(i):
    if i % 2:
        raise ValueError("odd")
    return "e"


@bodo.jit
def partial_results(n):
    made = 0
    failed = 0
    for i in range(n):
        try:
            made += len(str(i) + odd_fails(i))
            made += len(str(i).replace(odd_fails(i + 1), "-"))
        except ValueError:
            failed += 1
    return made, failed


print(partial_results(9))


@bodo.jit
def literals(n):
    failed = 0
    sizes = []
    for i in range(n):
        try:
            a = [str(i), odd_fails(i)]
            b = (str(i), odd_fails(i + 1))
            c = {str(i): odd_fails(i), "k": odd_fails(i)}
            d = {str(i), odd_fails(i)}
            sizes.append(len(a) + len(b) + len(c) + len(d))
        except ValueError:
            failed += 1
    return sizes, failed


print(literals(6))


@bodo.jit
def formatted(n):
    failed = 0
    lines = []
    for i in range(n):
        try:
            lines.append(f"{str(i)}-{odd_fails(i)}-{i:>{len(odd_fails(i + 1))}}")
        except ValueError:
            failed += 1
    return lines, failed


print(formatted(5))


@bodo.jit
def printed(n):
    failed = 0
    for i in range(n):
        try:
            print(str(i), odd_fails(i), sep=str(i % 3) + "|")
        except ValueError:
            failed += 1
    return failed


print(printed(4))
