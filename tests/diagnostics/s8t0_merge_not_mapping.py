# `**` of a list in a dict display: only dicts unpack
xs = [1, 2]
d = {**xs, "n": 2}
print(d)
