import bodo

WORDS = ["ka", "lo", "mi"]
RATES = {"a": 0.5, "b": 1.5}
PAIR = (3, "x")
SEEN = {}


@bodo.jit
def f(n):
    out = []
    for i in range(n):
        out.append(WORDS[i % len(WORDS)] + str(RATES["a"] * i) + PAIR[1])
    return out


@bodo.jit
def g(k):
    SEEN[k] = 1
    return len(SEEN)


print(f(4))
print(g("z"))
print(SEEN)
