# tier0: sets of strings print and iterate in CPython's order (PYTHONHASHSEED=0 string hashes), hash() of ints/floats/strs/tuples and its TypeError, sys.stdout.write/flush, print(file=None)
import sys

import bodo


@bodo.jit
def vocabulary(lines):
    words = set()
    for line in lines:
        for w in line.lower().split():
            words.add(w.strip(".,;!"))
    initials = {w[0] for w in words}
    return words, initials, [w for w in words if len(w) > 4]


@bodo.jit
def set_algebra(a, b):
    sa, sb = set(a), set(b)
    return sa | sb, sa & sb, sa - sb, sa ^ sb, list(sa)


@bodo.jit
def bucket(words, n):
    table = [[] for _ in range(n)]
    for w in words:
        table[hash(w) % n].append(w)
    return table


@bodo.jit
def hashes(k):
    return hash(k), hash(-1), hash(2**61 + 5), hash(2.5), hash(3.0), hash(True), hash((1, "a", 2.5)), hash("")


@bodo.jit
def unhashable(xs):
    try:
        return hash(xs)
    except TypeError as e:
        print("TypeError:", e)
        return -1


@bodo.jit
def report(values):
    for i, v in enumerate(values):
        sys.stdout.write(f"{i}: {v:.2f}\n")
    sys.stdout.write("total ")
    sys.stdout.flush()
    print(sum(values), file=None)
    return len(values)


lines = ["The quick brown fox jumps over the lazy dog.", "A lazy afternoon; the fox sleeps!", "Quick, quick, said the bird"]
words, initials, long_words = vocabulary(lines)
print(words)
print(initials)
print(long_words)
for w in words:
    print(w, end=" ")
print()
u, i, d, x, as_list = set_algebra(["red", "green", "blue", "cyan"], ["blue", "magenta", "red", "yellow", "black"])
print(u, i, d, x, as_list)
print(bucket(sorted(words), 5))
print(hashes(123456789))
print(unhashable([1, 2, 3]))
n = report([1.5, 2.25, 3.125])
sys.stdout.write("reported " + str(n) + "\n")
print({"beta", "alpha", "gamma", "delta"}, hash("bodo"), hash(("x", 1)))
