# tier0: reversed(range(...)) in loops and comprehensions (any step sign, empty, enumerate), DP backtracking with it
import bodo


@bodo.jit
def h(n, s):
    a = [i for i in reversed(range(n))]
    b = list(reversed(range(2, n, 3)))
    c = [i for i in reversed(range(n, 0, -2))]
    d = [i for i in reversed(range(0, n, s))]
    e = [x for x in reversed(range(n, n))]
    f = [(i, x) for i, x in enumerate(reversed(range(3)))]
    g = sorted(reversed(range(4)))
    return a, b, c, d, e, f, g


print(h(7, 2))
print(h(7, -2))
print(list(reversed(range(3))), [i for i in reversed(range(-5, 5, 4))])


@bodo.jit
def knapsack(items, cap):
    n = len(items)
    best = [[0] * (cap + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        w, v = items[i - 1]
        for c in range(cap + 1):
            best[i][c] = best[i - 1][c]
            if w <= c and best[i - 1][c - w] + v > best[i][c]:
                best[i][c] = best[i - 1][c - w] + v
    chosen = []
    c = cap
    for i in reversed(range(1, n + 1)):
        if best[i][c] != best[i - 1][c]:
            chosen.append(i - 1)
            c -= items[i - 1][0]
    return best[n][cap], chosen[::-1]


print(knapsack([(12, 4), (2, 2), (1, 1), (1, 2), (4, 10)], 15))
for k in reversed(range(0, 10, 3)):
    print(k, end=" ")
print()
