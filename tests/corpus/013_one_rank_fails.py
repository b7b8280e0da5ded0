# tier1: only the last rank raises, inside a jit function, while the other ranks wait in a reduction: the error is printed once and every rank ends with status 1 (no hang)
import numpy as np

import bodo


@bodo.jit(spawn=False)
def checked_total(n):
    a = np.arange(n) * 2
    if bodo.get_rank() == bodo.get_size() - 1:
        raise ValueError(f"bad chunk of {n} rows")
    return a.sum()


print("start")
print(checked_total(1000))
print("never printed")
