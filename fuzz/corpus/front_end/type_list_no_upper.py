# calling a str method on a list
import bodo


@bodo.jit
def shout(words):
    return words.upper()


print(shout(["a", "b"]))
