# calling a helper that was never defined
import bodo


@bodo.jit
def main():
    rows = [3, 1, 2]
    return normalize(rows)


print(main())
