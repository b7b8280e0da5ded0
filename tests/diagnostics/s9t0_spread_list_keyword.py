# a keyword argument for a parameter a `*` list may also fill
def area(w, h):
    return w * h


sizes = [2]
print(area(*sizes, h=3))
