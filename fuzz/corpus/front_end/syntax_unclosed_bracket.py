# a list literal whose closing bracket was forgotten
import bodo


@bodo.jit
def totals():
    prices = [10.5, 20.0, 3.25
    return sum(prices)


print(totals())
