# tier0: sorted/sort/min/max with key= (lambda, def function, builtin, bound method) and reverse, ties keep order; del of dict entries and list items; keyword-only parameters
import bodo


def by_score(rec):
    return rec[1]


@bodo.jit
def leaderboard(recs, *, top=3, descending=True):
    ranked = sorted(recs, key=lambda r: r[1], reverse=descending)
    by_name = sorted(recs, key=lambda r: (-r[1], r[0]))
    lowest = min(recs, key=by_score)
    highest = max(recs, key=by_score)
    return ranked[:top], by_name, lowest, highest


@bodo.jit
def word_report(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:3]
    common = max(counts, key=counts.get)
    rare = min(counts.items(), key=lambda kv: (kv[1], kv[0]))
    words = list(counts)
    words.sort(key=len)
    del counts[common]
    return top, common, rare, words, counts


@bodo.jit
def prune(values, limit):
    kept = list(values)
    i = len(kept) - 1
    while i >= 0:
        if abs(kept[i]) > limit:
            del kept[i]
        i -= 1
    kept.sort(key=abs, reverse=True)
    return kept


recs = [("bob", 3), ("alice", 5), ("carol", 3), ("dave", 1), ("erin", 5)]
print(leaderboard(recs))
print(leaderboard(recs, top=2, descending=False))
print(word_report("to be or not to be that is the question to ask"))
print(prune([5, -12, 3, 40, -7, 2, -3], 10))
names = ["pear", "fig", "banana", "kiwi", "apple"]
print(sorted(names, key=len), max(names, key=len), min(names, key=lambda s: s[-1]))
stock = {"bolt": 3, "nut": 0, "gear": 7}
del stock["nut"]
print(stock, len(stock))
