# tier0: `x is None` on a None default and isinstance tests decide branches at compile time (dead code untyped)
import bodo


def fmt(x, label=None, width=None):
    s = str(x)
    if label is not None:
        s = label + ": " + s
    if width is None:
        return s
    return s.rjust(width)


def describe(v):
    if isinstance(v, str):
        return "text " + v.upper()
    elif isinstance(v, (int, float)) and not isinstance(v, bool):
        return f"number {v * 2}"
    return "other"


def memo_fib(n, memo=None):
    if memo is None:
        memo = {}
    if n in memo:
        return memo[n]
    r = n if n < 2 else memo_fib(n - 1, memo) + memo_fib(n - 2, memo)
    memo[n] = r
    return r


@bodo.jit
def f():
    print(fmt(1), fmt(2, "two"), fmt(3, width=6), fmt(4, "four", 10))
    print(describe("ab"), describe(3), describe(1.5), describe(True))
    rec = {"name": "x", "qty": 3, "price": 2.5}
    out = []
    for k, v in rec.items():
        out.append(v.title() if isinstance(v, str) else str(v + 1))
    print(out)
    print([memo_fib(n) for n in range(12)], memo_fib(60))
    return 0


f()
