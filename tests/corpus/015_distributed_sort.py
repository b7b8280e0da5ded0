# tier1: distributed np.sort (sample sort) of int, float (NaN last) and bool arrays at sizes below, at and above the rank count; sortedness and sums kept
import numpy as np
import bodo


@bodo.jit
def sorts(n):
    a = (np.arange(n) * 7919) % 101 - 50
    s = np.sort(a)
    f = np.sort(np.sqrt(a * 1.0))
    b = np.sort(a % 3 == 0)
    r = np.random.randint(0, 5, n)
    rs = np.sort(r)
    ok = bool(np.all(rs[1:] >= rs[:-1]))
    return s, f, b, int(np.sum(rs)) == int(np.sum(r)), ok, s[:1], s[-1:], len(s)


for n in [0, 1, 2, 5, 17, 1000, 20001]:
    s, f, b, same, ok, lo, hi, ln = sorts(n)
    print(n, ln, same, ok)
    if n > 0:
        print(lo, hi, s[:10], s[-3:])
        print(f[:4], f[-4:], np.sum(b), b[-3:])
print(sorts(30)[0])
print(sorts(30)[1])
