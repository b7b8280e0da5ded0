# `*` of a list before another positional argument: where that one goes is only known at run time
def area(w, h):
    return w * h


sizes = [2]
print(area(*sizes, 3))
