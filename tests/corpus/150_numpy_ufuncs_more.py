# tier1: more NumPy ufuncs (log10/log2/floor/ceil/trunc/sign/tan/arctan/clip/power/isnan/isinf/isfinite) on arrays and scalars
import numpy as np

import bodo


@bodo.jit
def ufuncs(n):
    a = np.arange(n) * 0.75 - 3.0
    p = np.arange(1, n + 1) * 1.0
    k = np.arange(n) - 4
    return (np.log10(p), np.log2(p), np.sign(a), np.sign(k), np.floor(a), np.ceil(a), np.trunc(a),
            np.floor(k), np.tan(a), np.arctan(a), np.clip(a, -1.0, 1.0), np.clip(k, -2, 2),
            np.power(p, 2), np.power(k, 2), np.square(k), np.negative(a), np.abs(k), np.exp2(k),
            np.sinh(a).sum(), np.tanh(a).max(), np.arcsin(a / 10).min(), np.log1p(p).mean())


@bodo.jit
def specials(n):
    a = np.arange(n) - 3.0
    b = np.log(a)
    c = 1.0 / a
    return b, c, np.isnan(b), np.isinf(c), np.isfinite(b), np.isnan(b).sum(), np.floor(2.5), np.sign(-3)


for x in ufuncs(9):
    print(x)
for x in specials(6):
    print(x)
