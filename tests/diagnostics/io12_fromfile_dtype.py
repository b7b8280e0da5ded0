# np.fromfile() of float32 elements: bodoc arrays hold int64, float64 or bool
import numpy as np
import bodo


@bodo.jit
def load(path):
    a = np.fromfile(path, dtype=np.float32)
    return a.sum()


print(load("data.bin"))
