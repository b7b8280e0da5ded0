# tier0: runtime fast paths of strings, formatting and dicts (exact fixed-point ties, spec cache, one-byte split, ASCII/non-ASCII code-point counts, str keys)
import bodo


@bodo.jit
def fixed_formats(values):
    out = []
    for x in values:
        out.append(f"{x:.2f}|{x:.0f}|{x:#.0f}|{x:z.1f}|{x:.3%}|{x:12.4f}|{x:+.1f}|{x:,.2f}|{x:.19f}|{x:.20f}|{x:08.3f}")
    return out


@bodo.jit
def many_specs(n):
    out = []
    for i in range(n):
        x = i / 8.0 - 3.0
        out.append(f"{i:06d} {i:>4} {i:<3}| {i:x} {i:,} {x:.1f} {x:.2f} {x:e} {x:g} {x:.3} {x:*^9.2f} {x}")
    return out


@bodo.jit
def text_ops(texts):
    out = []
    for t in texts:
        fields = t.split(";")
        joined = "|".join(fields)
        up = joined.upper()
        rep = t.replace("é", "e").replace(";", "")
        rep1 = t.replace(";", "--", 1)
        out.append(f"{len(fields)} {joined} {len(joined)} {up} {len(up)} {rep} {len(rep)} {rep1} {len(rep1)} {t.split(';', 1)} {t.rsplit(';', 1)}")
    return out


@bodo.jit
def word_counts(text):
    counts = {}
    for w in text.split(" "):
        counts[w] = counts.get(w, 0) + 1
    total = 0
    for w in text.split(" "):
        if w in counts:
            total += counts[w]
    return counts, total


vals = [0.0, -0.0, 0.125, 0.375, 2.5, 3.5, 9.995, 1.005, -0.001, 0.5000000000000001, 5e-324,
        123456.789, -98765.4321, 1e15 + 0.3, 18446744073709549568.0, 18446744073709551616.0, 1e22, 1.5e300,
        float("inf"), float("-inf"), float("nan"), 0.1, 2.675, -2.675, 1 / 3]
for line in fixed_formats(vals):
    print(line)
for line in many_specs(40):
    print(line)
for line in text_ops(["a;b;;c", "héllo;wörld;é", ";", "", "no separator here", "x;" * 5, "αβγ;δ;ε" + ";" * 3]):
    print(line)
counts, total = word_counts("the cat and the dog and the bird " * 3 + "ünï côdé ünï")
print(counts, total)
