# a lambda assigned to a variable in plain tier-0 code
import bodo


@bodo.jit
def apply_tax(prices):
    tax = lambda p: p * 1.2
    return [tax(p) for p in prices]


print(apply_tax([10.0, 20.0]))
