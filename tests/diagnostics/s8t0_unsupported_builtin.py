# next(iter(...)): builtins bodoc does not compile are not "undefined names"
xs = [3, 1, 2]
first = next(iter(xs))
print(first)
