# tier1: NumPy's exp/log/sin/cos/tan/arctan over arrays give libm's results bit for bit, as NumPy's do (fused loops call the scalar math library unless --fast-math), so cancelling sums print NumPy's digits
import math

import numpy as np
import bodo


@bodo.jit
def parity(n):
    x = np.arange(n) * 0.37 - 50.0
    s = np.sin(x)
    c = np.cos(x)
    e = np.exp(x * 0.1)
    lg = np.log(np.abs(x) + 1.0)
    t = np.tan(x * 0.01)
    at = np.arctan(x)
    same = 0
    for i in range(n):
        v = x[i]
        checks = [s[i] == math.sin(v), c[i] == math.cos(v), e[i] == math.exp(v * 0.1)]
        checks += [lg[i] == math.log(abs(v) + 1.0), t[i] == math.tan(v * 0.01), at[i] == math.atan(v)]
        same += sum([1 for ok in checks if ok])
    return same, 6 * n


@bodo.jit
def cancelling(n):
    a = (np.arange(n) * 7) % 13 - 6
    s = np.sin(a)
    # s is symmetric: the pairs cancel except for rounding, whose sign shows.
    return s, s[:12].sum(), np.sin(np.pi * np.arange(6))


same, total = parity(2001)
print(same, total)
s, head_sum, multiples = cancelling(16)
print(s)
print(head_sum)
print(multiples)
