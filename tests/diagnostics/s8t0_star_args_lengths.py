# a comprehension over *args of mixed types is unrolled, so every call must pass as many arguments
def fmt(*vals):
    return ", ".join(str(v) for v in vals)


print(fmt(1, "a", 2.5))
print(fmt(1, 2))
