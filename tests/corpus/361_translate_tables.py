# tier0: str.maketrans (two strings, and a third of characters to delete) and str.translate with tables of ints, strs and None; tuple repetition
import bodo

LOWER = "abcdefghijklmnopqrstuvwxyz"


@bodo.jit
def rot(text, k):
    shifted = LOWER[k:] + LOWER[:k]
    table = str.maketrans(LOWER + LOWER.upper(), shifted + shifted.upper())
    return text.translate(table)


@bodo.jit
def tokens(text):
    table = str.maketrans("-_/", "   ", ".,;:!?")
    print(sorted(table.items())[:4], len(table))
    return text.lower().translate(table).split()


@bodo.jit
def leet(words):
    subs = {ord("a"): "4", ord("e"): "3", ord("o"): "0", ord("h"): None}
    shift = {ord(c): ord(c) + 1 for c in "xyz"}
    return [w.translate(subs) for w in words], [w.translate(shift) for w in words]


@bodo.jit
def checked(pairs):
    for a, b in pairs:
        try:
            print(repr("abc".translate(str.maketrans(a, b))))
        except ValueError as e:
            print("ValueError:", e)
    widths = (4,) * len(pairs)
    return widths


msg = rot("Attack at Dawn, zebra!", 13)
print(msg, rot(msg, 13), rot("xyz", 3))
print(tokens("Data-driven, user_defined/ad-hoc: yes!"))
print(leet(["hello", "zoo", "oxen"]))
print(checked([("ab", "xy"), ("abc", "x"), ("", "")]))
