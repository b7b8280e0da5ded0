# Collatz chain lengths with a list cache, and a prime sieve over a list of flags.
# alternatives: cpython
import bodo


@bodo.jit
def longest_collatz(limit):
    cache = [0 for _ in range(limit)]
    cache[1] = 1
    best = 1
    best_start = 1
    for start in range(2, limit):
        n = start
        steps = 0
        while n >= limit or cache[n] == 0:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            steps += 1
        length = steps + cache[n]
        cache[start] = length
        if length > best:
            best = length
            best_start = start
    return best_start, best


@bodo.jit
def prime_stats(n):
    is_prime = [True for _ in range(n + 1)]
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for m in range(p * p, n + 1, p):
                is_prime[m] = False
        p += 1
    count = 0
    total = 0
    for i in range(n + 1):
        if is_prime[i]:
            count += 1
            total += i
    return count, total


print(longest_collatz(2000000))
print(prime_stats(5000000))
