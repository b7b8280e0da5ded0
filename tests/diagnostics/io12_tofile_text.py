# ndarray.tofile() with sep=: text files are not supported, only raw binary
import numpy as np
import bodo


@bodo.jit
def save(path):
    a = np.arange(10.0)
    a.tofile(path, sep=",")
    return len(a)


print(save("out.txt"))
