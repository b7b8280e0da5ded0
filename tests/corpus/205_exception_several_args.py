# tier0: exceptions raised with several arguments: str(e) and print(e) are the arguments' tuple repr, repr(e) the class and the tuple
import bodo


@bodo.jit
def check(xs, limit):
    total = 0
    for i, x in enumerate(xs):
        if x > limit:
            raise ValueError("too big", i, x)
        total += x
    return total


@bodo.jit
def describe(n):
    out = []
    for k in range(n):
        try:
            if k % 3 == 0:
                raise KeyError("missing", k)
            elif k % 3 == 1:
                raise RuntimeError(f"step {k}", 2.5 * k, [k, k + 1])
            else:
                raise ValueError("single")
        except (KeyError, RuntimeError) as e:
            out.append(str(e) + " | " + repr(e))
        except ValueError as e:
            out.append(f"{e} | {e!r}")
    return out


print(check([1, 2, 3], 5))
try:
    check([1, 7, 3], 5)
except ValueError as e:
    print("caught:", e)
    print(repr(e))
for line in describe(4):
    print(line)
print(hex(255), oct(8), bin(5), hex(-42))
