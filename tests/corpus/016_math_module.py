# tier0: the math module beyond sqrt/exp/log: degrees/radians, isclose with its keywords, factorial/comb/perm/isqrt/lcm, inverse hyperbolics, cbrt/exp2/erf/erfc/copysign, and their ValueErrors
import math
import bodo


@bodo.jit
def angles(n):
    out = []
    for i in range(n):
        d = i * 45.0
        r = math.radians(d)
        out.append((round(math.degrees(r), 9), round(math.sin(r), 6), math.isclose(math.degrees(r), d)))
    return out


@bodo.jit
def ints(n):
    res = []
    for k in range(n):
        res.append((math.factorial(k), math.comb(n, k), math.perm(n, k), math.isqrt(k * k + k), math.lcm(k, 6)))
    return res


@bodo.jit
def misc(x):
    vals = [math.asinh(x), math.acosh(x + 1.0), math.atanh(x / 10.0), math.cbrt(x * 27.0), math.exp2(x),
            math.erf(x), math.erfc(x), math.copysign(3.0, -x), math.fabs(-x)]
    close = [math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.001, rel_tol=0.01), math.isclose(0.0, 1e-12),
             math.isclose(0.0, 1e-12, abs_tol=1e-9)]
    return vals, close


@bodo.jit
def errors():
    msgs = []
    for f in range(4):
        try:
            if f == 0:
                math.factorial(-1)
            elif f == 1:
                math.isqrt(-4)
            elif f == 2:
                math.comb(-1, 2)
            else:
                math.acosh(0.5)
        except ValueError as e:
            msgs.append(str(e))
    return msgs


print(angles(9))
print(ints(8))
print(misc(0.5))
print(errors())
print(math.factorial(20), math.isqrt(10**18), math.comb(60, 30))
