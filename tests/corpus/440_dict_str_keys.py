# tier0: dicts keyed by strings of every length (empty, 1-3, 4-8, 9-16 and longer, non-ASCII, near-identical texts) counted, looked up, deleted and re-added in insertion order; sets of strings keep CPython's order
import bodo


@bodo.jit
def make_keys(n):
    base = ["", "a", "ab", "abc", "abd", "bbc", "abcd", "abce", "xbcd", "abcdefg", "abcdefgh", "abcdefgi",
            "abcdefghi", "abcdefghj", "bbcdefghi", "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefghijklmnopq",
            "abcdefghijklmnopr", "é", "éa", "naïve", "naïvf", "日本語", "日本誤", "a b c", "😀x"]
    keys = []
    for i in range(n):
        k = base[(i * 7) % len(base)]
        if i % 5 == 0:
            k = k + str(i % 4)
        keys.append(k)
    return keys


@bodo.jit
def count(keys):
    counts = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    return counts


@bodo.jit
def edit(counts):
    d = dict(counts)
    removed = 0
    for k in list(d.keys()):
        if len(k) % 3 == 1:
            del d[k]
            removed += 1
    d["abcdefgh"] = -1
    d["a"] = -2
    d.setdefault("zz", 7)
    d.setdefault("abc", 99)
    popped = d.pop("abcdefghijklmnopq", -5)
    return d, removed, popped


@bodo.jit
def probe(d, words):
    found = []
    for w in words:
        found.append((w, w in d, d.get(w, 0)))
    return found


@bodo.jit
def word_stats(text):
    firsts = {}
    lengths = {}
    for w in text.split(" "):
        if w not in firsts:
            firsts[w] = len(firsts)
        lengths[len(w)] = lengths.get(len(w), 0) + 1
    return firsts, lengths


@bodo.jit
def tags(words):
    s = set()
    for w in words:
        s.add(w)
    return sorted(s), len(s), s


keys = make_keys(200)
counts = count(keys)
print(len(counts), sum(counts.values()))
print(counts)
d, removed, popped = edit(counts)
print(removed, popped)
print(d)
print(d == dict(d), d == counts)
print(probe(d, ["", "abc", "abd", "abcdefghi", "abcdefghj", "naïve", "zz", "missing", "日本語0", "abcdefghijklmnopr"]))
text = "the cat and the hat and the bat sat on the mat with the cat " * 3
firsts, lengths = word_stats(text.strip())
print(firsts)
print(lengths)
print(tags(["pear", "apple", "fig", "apple", "kiwi", "banana", "fig"]))
