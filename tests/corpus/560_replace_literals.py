# tier0: str.replace with literal arguments on whole strings and split fields, short and long, ASCII and not
import bodo


@bodo.jit
def whole(texts):
    out = []
    for t in texts:
        out.append(t.replace("item-", ""))
        out.append(t.replace("-", "+-+"))
        out.append(t.replace(",", ""))
        out.append(t.replace("a", "é"))
        out.append(t.replace("ab", "XYZW"))
        out.append(t.replace("aa", "b"))
        out.append(t.replace("", "_"))
        out.append(t.replace("\0", "0"))
        out.append(t.replace("é", "e"))
        out.append(t.replace("abcdefgh", ""))
        out.append(t.replace("x", "0123456789abcdefg"))
    return out


@bodo.jit
def fields(text):
    total = 0
    rows = []
    for line in text.split("\n"):
        f = line.split(";")
        a = f[0].replace("item-", "")
        b = f[1].replace("a", "")
        c = f[0].replace(",", ".").upper()
        total += len(a) + len(b) + len(c)
        rows.append(a + "|" + b + "|" + c)
    return total, rows


texts = [
    "", "a", "aa", "aaa", "item-", "item-1", "item-123", "xitem-12item-3", "item-item-item-", "1,234,567",
    "abababababababab", "ababababababababa", "abcdefgh", "abcdefghabcdefgh", "-", "a-b-c-d-e-f-g-h-",
    "é", "aéa", "caféa-b", "\0a\0", "x" * 16, "x" * 17, "0123456789abcdef", "a,b,c,d,e,f,g,h,i",
    "item-" * 3 + "x", "zzzzzzzzzzzzzzzitem-", "item-zzzzzzzzzzzzzzz", "no match here at all, long text",
]
for r in whole(texts):
    print(repr(r))
lines = []
for i in range(300):
    t = texts[i % len(texts)]
    lines.append(t.replace(";", "") + ";" + texts[(i * 7) % len(texts)].replace(";", "") + ";" + str(i))
print(fields("\n".join(lines)))


@bodo.jit
def edges(n):
    out = []
    for k in range(n):
        s = "ab" * k
        out.append(s.replace("b", "") + "|" + s.replace("ab", "") + "|" + s.replace("a", "xyz") + "|" + s[:k].replace("ba", "_"))
        line = "ab;" + s[:k] + ";é"[: k % 3]
        f = line.split(";")
        out.append(f[0].replace("ab", "-") + "|" + f[1].replace("bab", "c") + "|" + f[-1].replace("a", "A"))
    return out


print(edges(10))
