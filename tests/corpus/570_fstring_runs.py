# tier1: f-strings rendered into a join builder piece by piece, where a piece in the middle is long (a long str, a many-digit number, a wide spec) so the runtime appends it, and the builder grows mid-record
import bodo


@bodo.jit
def render(n, words):
    rows = []
    for i in range(n):
        w = words[i % len(words)]
        big = i * 1000003 * 1000003
        x = i / 7.0 + (1e9 if i % 5 == 0 else 0.0)
        rows.append(f"{i:04d}|{w}|{big}|{x:.3f}|{i % 7}|{w}{w}|{-i:6d}|é{i}")
    return "\n".join(rows)


@bodo.jit
def accumulate(n):
    line = ""
    for i in range(n):
        line += f"<{i}:{'x' * (i % 40)}:{i * i:08d}>"
    return line


words = ["a", "bb", "a longer word than sixteen bytes", "", "ünïcödé", "z" * 100]
text = render(300, words)
print(len(text))
for line in text.split("\n")[:12]:
    print(line)
print(text.split("\n")[-1])
acc = accumulate(200)
print(len(acc), acc[:120], acc[-80:])
