# Primes below N (first command-line argument, default 100000): a sieve with lists, twin primes, prime gaps.
# Tier 0. Try: bodoc build examples/primes.py -o primes && ./primes 2000000
import sys
import time

import bodo


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
    return [i for i in range(n + 1) if is_prime[i]]


@bodo.jit
def gaps(primes):
    twins = 0
    widest = 0
    at = 0
    for i in range(1, len(primes)):
        gap = primes[i] - primes[i - 1]
        if gap == 2:
            twins += 1
        if gap > widest:
            widest = gap
            at = primes[i - 1]
    return twins, widest, at


n = 100000
if len(sys.argv) > 1:
    n = int(sys.argv[1])
t0 = time.perf_counter()
primes = sieve(n)
twins, widest, at = gaps(primes)
elapsed = time.perf_counter() - t0
print(f"{len(primes)} primes below {n}; largest {primes[-1]}")
print(f"{twins} twin prime pairs; widest gap {widest} after {at}")
print(f"last five: {primes[-5:]}")
print(f"({elapsed:.3f} s)")
