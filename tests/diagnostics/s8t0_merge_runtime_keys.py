# a record merged with a dict whose keys are only known at run time
base = {"name": "a", "n": 1}
extra = {"x": 1.5}
d = {**base, **extra}
print(d)
