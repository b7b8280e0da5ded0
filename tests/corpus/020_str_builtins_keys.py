# tier0: startswith/endswith with tuples and bounds, enumerate(start=), round(int, -n), key= for sorted/min/max/list.sort, format(), map(), join of tuples/sets
import bodo


def by_len(w):
    return len(w)


@bodo.jit
def classify(files):
    out = []
    for i, f in enumerate(files, start=1):
        if f.endswith((".csv", ".tsv")):
            kind = "table"
        elif f.startswith(("tmp_", "_")):
            kind = "temp"
        else:
            kind = "other"
        out.append(f"{i:>2} {f:<10} {kind:<6} {f.startswith('data', 0)} {f.endswith('v', 0, 5)} {f.startswith('a', 1)}")
    return out


@bodo.jit
def rounding(ns):
    return [(n, round(n), round(n, -1), round(n, -2), round(n, 1)) for n in ns]


@bodo.jit
def top_words(text, k):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    longest = max(counts, key=len)
    rare = min(counts.items(), key=lambda kv: kv[1])
    return ranked[:k], longest, rare


@bodo.jit
def orderings(ws, pivot, rev):
    a = sorted(ws, key=by_len)
    b = sorted(ws, key=lambda w: (len(w), w), reverse=True)
    c = sorted(ws, key=str.lower, reverse=rev)
    d = min(ws, key=lambda w: abs(len(w) - pivot))
    e = max(3, -7, 5, key=abs)
    ws.sort(key=lambda w: w[-1])
    return a, b, c, d, e, ws


@bodo.jit
def render(names, vals):
    cells = ",".join(map(str, vals))
    heads = "|".join((names[0], names[-1]))
    tags = "+".join(sorted(set(names)))
    shown = " ".join(map(lambda v: format(v, ".2f"), vals))
    return cells, heads, tags, shown, format(vals[0], ">8.1%"), format(len(names))


for line in classify(["data.csv", "x.tsv", "tmp_1.txt", "_hidden", "readme.md", "datav"]):
    print(line)
for r in rounding([15, 25, 35, -15, -25, 150, 250, 1234, 0, 5]):
    print(r)
print(top_words("b a c a b a d e d d d f", 3))
print(orderings(["pear", "Fig", "banana", "kiwi", "Apple", "date"], 5, True))
print(orderings(["bb", "a", "ccc", "A"], 1, False))
print(render(["x", "y", "x"], [0.125, 2.5, -3.0]))
