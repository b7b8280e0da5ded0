# two `**` dicts whose keys are only known at run time in one call
def area(w, h):
    return w * h


a = {"w": 2}
b = {"h": 3}
print(area(**a, **b))
