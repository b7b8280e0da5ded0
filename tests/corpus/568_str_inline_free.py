# tier1: short strings made and dropped in loops (freed inline by generated code) while the runtime remembers a hash or a position of one
import bodo


@bodo.jit
def churn(n):
    counts = {}
    width = 0
    longest = ""
    for i in range(n):
        # A fresh short string each turn, dropped when the next replaces it.
        name = f"k{i % 7}".replace("k", "key-").upper()
        # Hashed: the runtime remembers this object's hash until it is freed.
        counts[name] = counts.get(name, 0) + 1
        width += len(name)
        # Long ones (past the pool's block sizes) are freed by the runtime.
        big = name * (42 + i % 5)
        if len(big) > len(longest):
            longest = big
    return counts, width, len(longest)


@bodo.jit
def positions(words):
    # Non-ASCII strings indexed: the runtime remembers a position in each.
    out = []
    for w in words:
        t = w.replace("a", "ä")
        out.append(t[len(t) - 1] + t[1])
        t = t.upper()
        out.append(t[2])
    return "".join(out)


@bodo.jit
def same_address(n):
    # A hash remembered for a string that is then freed must not answer
    # for the next string placed at its address.
    seen = set()
    for i in range(n):
        s = str(i % 13).replace("1", "one")
        seen.add(s)
    return sorted(seen)


counts, width, longest = churn(2000)
print(sorted(counts.items()), width, longest)
print(positions(["banana", "cabana", "data", "kayak", "salsa"]))
print(same_address(500))
