# Nested integer loops: Pythagorean triples and a modular multiplication table checksum.
# alternatives: cpython
import bodo


@bodo.jit
def pythagorean_triples(limit):
    count = 0
    perimeter_sum = 0
    for a in range(1, limit):
        for b in range(a, limit):
            c2 = a * a + b * b
            c = int(c2**0.5)
            if c < limit and c * c == c2:
                count += 1
                perimeter_sum += a + b + c
    return count, perimeter_sum


@bodo.jit
def table_checksum(n, m):
    total = 0
    for i in range(n):
        for j in range(n):
            total = (total * 31 + (i * j) % m) % 1000000007
    return total


print(pythagorean_triples(3500))
print(table_checksum(1500, 97))
