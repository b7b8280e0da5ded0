# importing a module outside the supported set
import json

import bodo


@bodo.jit
def encode(x):
    return json.dumps(x)


print(encode(3))
