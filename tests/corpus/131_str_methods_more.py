# tier0: str partition/rpartition, removeprefix/removesuffix, casefold, expandtabs, istitle/isdecimal/isnumeric/isascii, count and splitlines arguments, ascii() and !a, non-ASCII digits in int()/float(), .format of a module constant
import bodo

HEADER = "{:<10}|{:>6}"


@bodo.jit
def parse_pairs(lines):
    out = {}
    for line in lines:
        key, sep, value = line.partition("=")
        if sep:
            out[key.strip()] = value.strip()
        head, _, ext = line.rpartition(".")
        print(repr(head), repr(ext))
    return out


@bodo.jit
def clean(names):
    return [n.removeprefix("Dr. ").removesuffix(" Jr.").casefold() for n in names]


@bodo.jit
def classify(words):
    print(HEADER.format("word", "flags"))
    for w in words:
        flags = f"{w.isdecimal():d}{w.isnumeric():d}{w.istitle():d}{w.isascii():d}"
        print(f"{w!a:<10}|{flags:>6}", w.count("a", 1), w.count("a", 0, 3))


@bodo.jit
def layout(s):
    print(s.expandtabs())
    print(s.expandtabs(4))
    print(s.splitlines(True))
    print(s.splitlines(keepends=False))
    print(s.count("\t", 2, -1))


@bodo.jit
def numbers(texts):
    total = 0.0
    for t in texts:
        try:
            total += int(t)
        except ValueError:
            total += float(t)
    return total


print(parse_pairs(["a = 1", "b.c=2.5", "no separator here", "x.y.z"]))
print(clean(["Dr. Alice Smith", "Bob Jones Jr.", "STRASSE", "Straße", "Dr. "]))
classify(["123", "12.5", "Hello World", "hello World", "banana", "", "²", "café", "A1 B2"])
layout("a\tbc\tdef\n\tx\r\nyy\tz")
print(numbers(["١٢", " 7 ", "٣.٥", "1_000"]))
print(ascii(["é", "x", "日本"]), ascii("plain"), ascii(3.5), "{0!a} {0!r}".format("ü"))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)
