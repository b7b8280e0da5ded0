# an async function
import bodo


@bodo.jit
async def fetch(n):
    return n + 1


print(fetch(1))
