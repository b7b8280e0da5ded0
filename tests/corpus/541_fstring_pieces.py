# f-strings appended to string builders piece by piece: every kind of piece, and the fallbacks.
import bodo


@bodo.jit
def rows(n):
    out = []
    for i in range(n):
        x = (i * 37 % 1000) / 8.0 - 40.0
        name = "é" * (i % 3) + "a-rather-long-name-over-15" * (i % 2)
        out.append(f"{i:06d}|{-i:04d}|{x:.2f}|{x:9.3f}|{x:012.1f}|{name}|{i % 5 == 0}|{i}")
    return "\n".join(out)


@bodo.jit
def specials():
    parts = []
    for x in [float("inf"), -0.0, float("nan"), 1e300, -1e-9]:
        parts.append(f"[{x:.2f}][{x:08.3f}]")
    for k in [7, -7]:
        parts.append(f"{k:070d}")
    parts.append(f"a literal much longer than sixteen bytes {len(parts)}")
    return " :: ".join(parts)


@bodo.jit
def caught(keys):
    d = {"a": 1, "b": 2}
    parts = []
    for k in keys:
        try:
            parts.append(f"<{k}={d[k]}>")
        except KeyError:
            parts.append(f"missing {k}")
    return ", ".join(parts)


@bodo.jit
def accumulated(n):
    line = ""
    for i in range(n):
        line += f"{i}:{i * 0.5:.1f};"
    return line


@bodo.jit
def glued(n):
    bits = []
    for i in range(n):
        bits.append(f"{i:x}{i:03d}")
    return "".join(bits)


print(rows(12))
print(specials())
print(caught(["a", "zz", "b"]))
print(accumulated(6))
print(glued(20))
