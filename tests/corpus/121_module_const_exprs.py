# tier0: module constants defined by arithmetic on literals and earlier constants (10**18, 1 << k, "-" * n, x / 2), read in jit code
import bodo

INF = 10**18
SHIFT = 20
MASK = (1 << SHIFT) - 1
LIMIT = 3 * 4 + 1
HALF = LIMIT / 2
NEG = -LIMIT // 5
MODV = -7 % 3
RULE = "=" * 12
TAG = "id" + "-" * 2
SCALE = 2.5 * 4


@bodo.jit
def shortest(g, src):
    dist = {u: INF for u in g}
    dist[src] = 0
    pq = [(0, src)]
    while len(pq) > 0:
        pq.sort()
        d, u = pq.pop(0)
        if d > dist[u]:
            continue
        for v, w in g[u]:
            if d + w < dist[v]:
                dist[v] = d + w
                pq.append((d + w, v))
    return dist


@bodo.jit
def consts(x):
    return (x & MASK, x >> SHIFT, LIMIT, HALF, NEG, MODV, TAG + str(x % 100), SCALE * x)


g = {"a": [("b", 4), ("c", 1)], "b": [("a", 4), ("c", 2), ("d", 5)], "c": [("a", 1), ("b", 2)], "d": [("b", 5)], "e": []}
print(RULE)
d = shortest(g, "a")
for k in sorted(d):
    print(k, str(d[k]) if d[k] < INF else "unreachable")
print(consts(3 * 2**21 + 77))
print(RULE)
