# Dict word counting over generated text: a linear congruential generator picks words, a dict counts them.
# alternatives: cpython
import bodo


@bodo.jit
def generate(n_words, seed):
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po"]
    words = []
    state = seed
    for _ in range(n_words):
        state = (state * 1103515245 + 12345) % 2147483648
        k = 1 + state % 3
        w = ""
        s = state
        for _ in range(k):
            w += syllables[s % 8]
            s = s // 8
        words.append(w)
    return " ".join(words)


@bodo.jit
def count(text):
    counts = {}
    for w in text.split(" "):
        counts[w] = counts.get(w, 0) + 1
    return counts


@bodo.jit
def top(counts, k):
    ranked = sorted([(-c, w) for w, c in counts.items()])
    return [(w, -c) for c, w in ranked[:k]]


counts = count(generate(1500000, 42))
print(len(counts), sum(counts.values()))
print(top(counts, 5))
