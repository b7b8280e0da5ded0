# a coroutine defined with async def, used later
import bodo


async def fetch(n):
    return n * 2


@bodo.jit
def main():
    return 1


print(main(), fetch(3))
