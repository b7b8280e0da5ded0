# tier0: split loops over a one-byte separator (the next separator found a word at a time): pieces at every offset of the aligned words, empty pieces, non-ASCII text, texts ending in the separator, empty texts.
import bodo


@bodo.jit
def pieces(text, rounds):
    out = []
    for r in range(rounds):
        t = text[r:]
        n = 0
        total = 0
        for p in t.split(","):
            n += 1
            total += len(p) * (n % 7)
        out.append((n, total))
    return out


@bodo.jit
def lines(text):
    res = []
    for line in text.split("\n"):
        res.append(line)
    return res


base = "a,bb,,ccc,dddddddd,é,ñañ,,x" * 3 + ",,,,,,,,,,1234567,12345678,123456789"
print(pieces(base, 40))
print(lines("x\n\nyé\n" + "z" * 17 + "\n"))
print(lines(""))
print(lines("\n"))
print(lines("abcdefgh\nabcdefg\nabcdefghi"))
