# tier1: np.bincount with weights= (positional or keyword, bool weights) and minlength=, group sums and means on distributed data
import numpy as np
import bodo


@bodo.jit
def groups(n):
    cat = (np.arange(n) * 7) % 5
    amount = np.arange(n) * 0.5 + 1.0
    sums = np.bincount(cat, weights=amount)
    counts = np.bincount(cat)
    means = sums / counts
    s8 = np.bincount(cat, amount, 8)
    m9 = np.bincount(cat, minlength=9)
    bw = np.bincount(cat, weights=cat > 2)
    return sums, counts, means, s8, m9, bw


for v in groups(103):
    print(v)
print(np.bincount(np.array([0, 2, 2]), weights=np.array([1.5, 2.0, -1.0])))
