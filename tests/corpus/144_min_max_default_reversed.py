# tier0: min/max with default= (with and without key=, None defaults, empty generators), reversed(...) as a value (str.join, list, sorted, set, enumerate, sum) of lists, strs, tuples, ranges and dicts
import bodo


@bodo.jit
def extremes(xs, names):
    big = [x for x in xs if x > 100]
    print(min(xs, default=-1), max(xs, default=-1), min(big, default=0), max(big, default=None))
    print(max(names, key=len, default="none"), min([w for w in names if w > "x"], key=len, default="none"))
    print(min((x * 0.5 for x in xs), default=0.0), max(set(xs), default=0), min(range(0), default=-5))
    print(max("", default="?"), max(names, key=lambda w: w[-1], default=""))
    return max(big, default=7)


@bodo.jit
def backwards(s, xs, t, d):
    print("-".join(reversed(s)), "".join(reversed(t)))
    print(list(reversed(xs)), sorted(reversed(xs)), list(reversed(range(1, 10, 3))))
    print(list(reversed(d)), sum(reversed(xs)), list(enumerate(reversed(s))))
    r = reversed(xs)
    for v in r:
        print(v)
    return "".join(reversed(s)).upper()


print(extremes([3, 1, 4], ["pear", "fig", "apple"]))
print(backwards("abc", [3, 1, 2], ("x", "y", "z"), {"a": 1, "b": 2}))
print(",".join(reversed(["p", "q"])))
