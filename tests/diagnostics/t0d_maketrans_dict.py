# str.maketrans of a dict: only the string forms are compiled
import bodo


@bodo.jit
def scrub(s):
    return s.translate(str.maketrans({"a": "b"}))


print(scrub("banana"))
