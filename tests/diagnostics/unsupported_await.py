# await inside a plain function
import bodo


def helper(n):
    return n


@bodo.jit
def main(n):
    v = await helper(n)
    return v


print(main(3))
