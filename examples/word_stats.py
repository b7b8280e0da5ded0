# Word statistics of a short text: cleanup, counting with a dict, a ranked report.
# Tier 0 (the language only): runs the same on any number of ranks.
import bodo


@bodo.jit
def clean(word):
    w = word.lower()
    for mark in [",", ".", ";", ":", "!", "?", "'", '"', "(", ")", "-"]:
        w = w.replace(mark, "")
    return w.strip()


@bodo.jit
def count_words(lines, stop_words):
    counts = {}
    skipped = 0
    for line in lines:
        for raw in line.split():
            w = clean(raw)
            if len(w) == 0:
                continue
            if w in stop_words:
                skipped += 1
                continue
            counts[w] = counts.get(w, 0) + 1
    return counts, skipped


@bodo.jit
def top_words(counts, n=8):
    ranked = sorted([(-c, w) for w, c in counts.items()])
    return [(w, -c) for c, w in ranked[:n]]


@bodo.jit
def length_stats(counts):
    by_length = {}
    letters = 0
    words = 0
    for w, c in counts.items():
        k = len(w)
        by_length[k] = by_length.get(k, 0) + c
        letters += k * c
        words += c
    longest = max([len(w) for w in counts.keys()])
    champions = sorted([w for w in counts.keys() if len(w) == longest])
    return by_length, letters / words, champions


def bar(n):
    return "".join(["#" for _ in range(n)])


text = [
    "Alice was beginning to get very tired of sitting by her sister on the bank,",
    "and of having nothing to do: once or twice she had peeped into the book her",
    "sister was reading, but it had no pictures or conversations in it, 'and what",
    "is the use of a book,' thought Alice 'without pictures or conversations?'",
    "So she was considering in her own mind (as well as she could, for the hot day",
    "made her feel very sleepy and stupid), whether the pleasure of making a",
    "daisy-chain would be worth the trouble of getting up and picking the daisies,",
    "when suddenly a White Rabbit with pink eyes ran close by her.",
]
stop_words = {"the", "a", "and", "of", "to", "or", "in", "it", "her", "she", "was", "by", "as", "be", "is", "had", "for", "on", "no"}

counts, skipped = count_words(text, stop_words)
total = sum(counts.values())
print(f"{len(text)} lines: {total} words counted, {skipped} stop words skipped, {len(counts)} distinct")
print()
print("most frequent:")
for i, pair in enumerate(top_words(counts)):
    word, c = pair
    print(f"{i + 1:>2}. {word:<14}{c:>3}  {bar(c)}")
print()
by_length, mean_length, champions = length_stats(counts)
print(f"mean word length: {mean_length:.2f} letters")
for k in sorted(by_length.keys()):
    print(f"{k:>2} letters: {by_length[k]:>3}  {bar(by_length[k])}")
print("longest:", ", ".join(champions))
print("mentions of alice:", counts.get("alice", 0), "| rabbit seen:", "rabbit" in counts)
