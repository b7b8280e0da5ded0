# A function whose result contains its own result has no finite type
import bodo


@bodo.jit
def wrap(x):
    return [wrap(x)]


print(wrap(1))
