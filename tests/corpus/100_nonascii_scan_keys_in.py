# tier0: scans of non-ASCII strings by index, slice and find(start) (walk from the last position), `k in d.keys()` as a dict lookup
import bodo


@bodo.jit
def scan(s):
    fwd = []
    for i in range(len(s)):
        fwd.append(s[i])
    back = []
    for i in range(len(s) - 1, -1, -1):
        back.append(s[i])
    wins = []
    for i in range(0, len(s) - 2, 3):
        wins.append(s[i:i + 3] + "|" + s[-i - 2:len(s) - i])
    hits = []
    i = s.find("é")
    while i >= 0:
        hits.append(i)
        i = s.find("é", i + 1)
    r = s.rfind("€", 2, len(s) - 1)
    return "".join(fwd), "".join(back), wins, hits, r, s.index("x", 3), s.rindex("é", 0, 9), s[-1], s[len(s) // 2]


@bodo.jit
def keys_in(n):
    d = {}
    for i in range(n):
        d[i * 3] = str(i)
    c = 0
    for i in range(3 * n):
        if i in d.keys():
            c += 1
        if i not in d.keys():
            c -= 1
    t = {"a€": 1, "b": 2}
    return c, "a€" in t.keys(), "a" in t.keys(), "zz" not in t.keys()


s = "aé€x😀bcéé€xyzé" * 3 + "ÿ"
for part in scan(s):
    print(part)
print(scan("plain é ascii x text éé"))
print(keys_in(1000))
