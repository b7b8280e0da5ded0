# A dict mixing int and float values is a record; a variable key gets a hint to write floats.
import bodo


@bodo.jit
def total(prices, basket):
    s = 0.0
    for item in basket:
        s += prices[item]
    return s


prices = {"apple": 1.25, "bread": 3, "milk": 0.99}
print(total(prices, ["apple", "milk"]))
