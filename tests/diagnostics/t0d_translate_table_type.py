# str.translate of a dict keyed by strings (CPython looks up code points, so nothing would change)
import bodo


@bodo.jit
def scrub(s):
    return s.translate({"a": "b"})


print(scrub("banana"))
