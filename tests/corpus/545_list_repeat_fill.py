# tier0: lists repeated (xs * n, xs *= n) and comprehensions of a literal over a range (filled by doubling copies): every element type, empty and negative counts, shared references, ranges with steps, a sieve, and a repeat too large to hold (MemoryError).
import bodo


@bodo.jit
def repeats(n):
    flags = [True, False] * n
    flags *= 2
    words = ["ab", "c"] * n
    words *= 2
    nested = [[1]] * 3
    nested[0].append(n)
    floats = [0.5] * n
    none = [1, 2] * -3
    zero = [7] * 0
    same = [1, 2, 3]
    same *= 1
    gone = [4, 5]
    gone *= -1
    return flags, words, nested, floats, none, zero, same, gone


@bodo.jit
def fills(n):
    zeros = [0 for _ in range(n)]
    flags = [True for _ in range(n + 1)]
    flags[0] = False
    neg = [-3 for i in range(2, 11, 3)]
    back = [1.25 for _ in range(n, 0, -2)]
    empty = [False for _ in range(5, 2)]
    texts = ["x" for _ in range(n)]
    texts[1] = "y"
    nones = [None for _ in range(2)]
    return zeros, flags, neg, back, empty, texts, nones, sum(zeros), flags.count(True)


@bodo.jit
def sieve(n):
    is_prime = [True for _ in range(n + 1)]
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for m in range(p * p, n + 1, p):
                is_prime[m] = False
        p += 1
    return [i for i in range(n + 1) if is_prime[i]][-5:], is_prime.count(True)


@bodo.jit
def huge(n):
    xs = [0] * n
    return len(xs)


for r in repeats(3):
    print(r)
for r in fills(4):
    print(r)
print(sieve(100000))
print(huge(5))
print(huge(2**62))
