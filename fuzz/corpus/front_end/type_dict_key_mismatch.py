# looking up an int key in a dict keyed by str
import bodo


@bodo.jit
def price(code):
    table = {"a": 1.5, "b": 2.0}
    return table[code]


print(price(3))
