# one undefined name used several times, and an undefined function whose result is used
import bodo


@bodo.jit
def stats(xs):
    lo = min(xs) - margin
    hi = max(xs) + margin
    spread = compute_spread(xs)
    return (hi - lo) * margin + spread * 2


print(stats([1, 2, 3]))
