# an unknown keyword argument to a user function
import bodo


@bodo.jit
def order_cost(price, qty=1):
    return price * qty


print(order_cost(10.0, quantity=3))
