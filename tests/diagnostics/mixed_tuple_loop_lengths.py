# a loop over mixed-type tuples of two different lengths in one function
def show(t):
    for v in t:
        print(v)


show((1, "a"))
show((2.5, True, None))
