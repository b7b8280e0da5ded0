# a match statement (use if/elif)
import bodo


@bodo.jit
def describe(code):
    match code:
        case 0:
            return "zero"
        case _:
            return "other"


print(describe(0))
