# Lists built by appends only to be joined become string builders; their text, separators, code-point counts and errors are the list's, and lists used any other way stay lists.
import bodo


@bodo.jit
def rows(n):
    out = []
    for i in range(n):
        price = (i * 37 % 1000) / 8.0
        out.append(f"{i:04d}|{price:>8.2f}|{'é' if i % 2 else 'x'}")
    return "\n".join(out)


@bodo.jit
def words(n):
    parts = []
    for i in range(n):
        if i % 3 == 0:
            continue
        w = ""
        for k in range(i % 4):
            w += "ab"[k % 2]
        parts.append(w)
    text = ", ".join(parts)
    return text, len(text)


@bodo.jit
def nothing(n):
    parts = []
    for i in range(n):
        parts.append(str(i))
    return "::".join(parts)


@bodo.jit
def literal_parts(n):
    parts = []
    for i in range(n):
        parts.append(f"日本")
        parts.append("-")
    return "".join(parts)


@bodo.jit
def bad_spec(n, spec):
    parts = []
    for i in range(n):
        parts.append(f"{i:{spec}}")
    return ";".join(parts)


@bodo.jit
def caught(n):
    try:
        return bad_spec(n, "q")
    except ValueError as e:
        return "error: " + str(e)


@bodo.jit
def still_a_list(n):
    parts = []
    for i in range(n):
        parts.append(str(i * i))
    joined = "+".join(parts)
    return joined, len(parts)


@bodo.jit
def joined_twice(n):
    parts = []
    for i in range(n):
        parts.append(str(i))
        s = ",".join(parts)
    return s


@bodo.jit
def prange_parts(n):
    parts = []
    for i in bodo.prange(n):
        parts.append(str(i))
    return "|".join(parts)


s = rows(6)
print(s)
print(len(s))
print(words(9))
print(repr(nothing(0)), nothing(3))
t = literal_parts(3)
print(t, len(t), t[2:6])
print(caught(2))
print(still_a_list(5))
print(joined_twice(4))
print(prange_parts(7))
