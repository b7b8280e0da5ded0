# tier0: empty lists/dicts filled by the function they are passed to, `and`/`or` of mixed types in tests, chained subscript assignment, pow(b, e, m), math.isqrt/factorial
import bodo
import math


@bodo.jit
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)


def index_words(words, index):
    for i, w in enumerate(words):
        index.setdefault(w[0], []).append((i, w))


@bodo.jit
def average(values):
    return sum(values) / len(values) if values else 0.0


@bodo.jit
def simulate(arrivals, service, capacity):
    queue = []
    served = []
    dropped = []
    t = 0
    i = 0
    busy_until = 0
    while i < len(arrivals) or queue:
        while i < len(arrivals) and arrivals[i][0] <= t:
            if len(queue) >= capacity:
                dropped.append(arrivals[i][1])
            else:
                queue.append(arrivals[i])
            i += 1
        if t >= busy_until and queue:
            at, name = queue.pop(0)
            busy_until = t + service
            served.append((name, t - at))
        t += 1
    idle = not (queue or t < 3)
    tag = "busy" if served and t > 0 else "idle"
    return served, dropped, idle, tag


@bodo.jit
def primes_upto(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, math.isqrt(n) + 1):
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return [k for k in range(n + 1) if sieve[k]]


moves = []
hanoi(3, "A", "C", "B", moves)
print(len(moves), moves)
index = {}
index_words(["apple", "avocado", "banana", "cherry", "blueberry"], index)
print(index)
print(average([]), average([1.0, 2.5]))
s, d, idle, tag = simulate([(0, "a"), (0, "b"), (1, "c"), (1, "d"), (2, "e"), (5, "f")], 2, 2)
print(s, d, idle, tag)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = grid[1][2] = 7
counts = {}
counts["x"] = counts["y"] = len(grid)
print(grid, counts)
ps = primes_upto(50)
print(ps, len(ps))
print(pow(2, 100, 1000000007), pow(-3, 3, 7), pow(3, -1, 7), pow(3, 4, -5), pow(2, -2), pow(2, 10))
print(math.isqrt(99), math.isqrt(10 ** 18), math.factorial(0), math.factorial(20))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
