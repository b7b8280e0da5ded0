# Counting loops over the pieces of a split look each piece up by its bytes and make a string only for a new key; other uses of the loop variable see ordinary strings.
import bodo


@bodo.jit
def count(text, sep):
    counts = {}
    for w in text.split(sep):
        counts[w] = counts.get(w, 0) + 1
    return counts


@bodo.jit
def count_words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 2
    return counts


@bodo.jit
def weigh(text, scale):
    total = {"x": 0.5}
    for w in text.split(","):
        total[w] = total.get(w, 1.0) * scale
    return total


@bodo.jit
def tag(text):
    tags = {}
    for w in text.split("-"):
        tags[w] = tags.get(w, "") + "#"
    return tags


@bodo.jit
def count_then_last(text):
    counts = {}
    for w in text.split(" "):
        counts[w] = counts.get(w, 0) + 1
    return counts, w


print(count("a b a  c b a ", " "))
print(count("é;ü;é;;日本;日本;é", ";"))
print(count("", "::"))
print(count("x::y::::x", "::"))
print(count_words("  the cat  the\thut\n the  "))
print(weigh("a,b,a,x", 3.0))
print(tag("p-q-p-p"))
print(count_then_last("one two one"))
try:
    print(count("abc", ""))
except ValueError as e:
    print("ValueError", e)
