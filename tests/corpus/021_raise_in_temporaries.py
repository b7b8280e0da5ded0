# tier0: exceptions raised while an expression holds owned temporaries (str conversions, indexing, slicing, comparisons, min/max, comprehensions) free them under the leak check
import bodo


@bodo.jit
def attempt(s, k):
    try:
        if k == 0:
            return str(int(s.strip()))
        if k == 1:
            return str(float(s + "x"))
        if k == 2:
            return s.strip()[10]
        if k == 3:
            return s.split(",")[5]
        if k == 4:
            return str(sum([int(p) for p in s.split()]))
        if k == 5:
            return str({w: int(w) for w in s.split()})
        if k == 6:
            return str(min(s.split()[5:]))
        if k == 7:
            return str(max(s.strip(), s.upper()[20]))
        if k == 8:
            return str(s.strip() == str(int(s)))
        if k == 9:
            return str(s < s.strip() < str(int(s)))
        if k == 10:
            return str(ord(s.strip()))
        if k == 11:
            return s.strip()[::0]
        return str({"a": 1}[s.strip()])
    except ValueError as e:
        return f"ValueError: {e}"
    except IndexError as e:
        return f"IndexError: {e}"
    except TypeError as e:
        return f"TypeError: {e}"
    except KeyError as e:
        return f"KeyError: {e}"


for s in [" abc ", " 12 ", "7", "1 2 3"]:
    for k in range(13):
        print(repr(s), k, attempt(s, k))
