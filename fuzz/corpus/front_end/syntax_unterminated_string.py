# a string literal missing its closing quote
import bodo


@bodo.jit
def greet(name):
    return "hello, + name


print(greet("ada"))
