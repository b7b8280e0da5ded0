# `**` of a dict of int values into a parameter whose default is a float
def scale(x, factor=1.5):
    return x * factor


opts = {"x": 2}
print(scale(**opts))
