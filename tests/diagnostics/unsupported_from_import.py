# importing from a module outside the supported set
from collections import defaultdict

import bodo


@bodo.jit
def count(words):
    return len(words)


print(count(["a", "b"]))
